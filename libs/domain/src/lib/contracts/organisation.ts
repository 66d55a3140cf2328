import { OrganisationType, Sector } from '../taxonomy';
import { PagingQuery } from './paging';

/** By head count, as the UK defines company sizes: micro < 10, small < 50, medium < 250, large 250+. */
export const ORGANISATION_SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export type OrganisationSizeBand = (typeof ORGANISATION_SIZE_BANDS)[number];

export interface OrganisationContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** Query of `GET /api/organisations`; the answer is a `PagedResult<OrganisationResponse>`. */
export interface OrganisationListQuery extends PagingQuery {
  /** Type-ahead on the name. */
  q?: string;
  type?: OrganisationType;
  sector?: Sector;
}

/** Body of `POST /api/organisations`. */
export interface CreateOrganisationRequest {
  name: string;
  type: OrganisationType;
  /** The technical-education routes the organisation works in; may be empty for non-employers. */
  sectors: Sector[];
  /** Null when not known. */
  sizeBand: OrganisationSizeBand | null;
  /** R-C-7: offers approved technical education or apprenticeships, whatever its type. */
  offersTechnicalEducation: boolean;
  contact?: OrganisationContact;
  notes?: string;
}

/** Body of `PATCH /api/organisations/{id}`. */
export type UpdateOrganisationRequest = Partial<CreateOrganisationRequest>;

export interface OrganisationResponse {
  id: string;
  name: string;
  type: OrganisationType;
  sectors: Sector[];
  sizeBand: OrganisationSizeBand | null;
  offersTechnicalEducation: boolean;
  contact: OrganisationContact | null;
  notes: string | null;
}

/**
 * What `GET /api/organisations` adds to each organisation: how much it has done with the academies the
 * reader can see.
 */
export interface OrganisationEngagement {
  encounters: number;
  learners: number;
  lastEncounterOn: string | null;
}

/** An academy whose live encounters name the organisation. */
export interface OrganisationUsedBy {
  id: string;
  name: string;
}

/**
 * `GET /api/organisations/{id}`: the organisation, which academies of the trust use it, and what the
 * reader may change. A change reaches every academy using it, so a careers lead may change everything
 * only of an organisation no other academy uses, and otherwise only its contact details
 * (`contact`); a trust administrator may change anything.
 */
export interface OrganisationDetailResponse extends OrganisationResponse {
  usedBy: OrganisationUsedBy[];
  editable: 'all' | 'contact' | 'none';
}

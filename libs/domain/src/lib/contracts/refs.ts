import { OrganisationType } from '../taxonomy';

/** Enough of a group to show and link to it from another answer. */
export interface GroupRef {
  id: string;
  name: string;
}

/** Enough of an organisation to show and link to it from another answer. */
export interface OrganisationRef {
  id: string;
  name: string;
  type: OrganisationType;
}

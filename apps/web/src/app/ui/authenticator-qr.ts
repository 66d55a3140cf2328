import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MfaSetupResponse } from '@encounters/domain';

/**
 * The start of setting up an authenticator app, at sign-in or on the account page: the QR code to scan and,
 * for an app that cannot scan, the secret it holds, to type in.
 */
@Component({
  selector: 'enc-authenticator-qr',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <img
      class="qr-code"
      [src]="enrolment().qrCode"
      width="220"
      height="220"
      alt="QR code to scan with your authenticator app"
    />
    <p class="setup-key">
      Cannot scan? Enter this key in the app: <code>{{ setupKey() }}</code>
    </p>
  `,
  styles: `
    .qr-code {
      display: block;
      margin: 1rem 0;
    }
    code {
      font-size: 1.05rem;
      letter-spacing: 0.05em;
      word-break: break-all;
    }
  `,
})
export class AuthenticatorQr {
  readonly enrolment = input.required<MfaSetupResponse>();
  /** The secret of the `otpauth://` address the QR code holds. */
  protected readonly setupKey = computed(
    () => new URL(this.enrolment().otpauthUrl).searchParams.get('secret') ?? '',
  );
}

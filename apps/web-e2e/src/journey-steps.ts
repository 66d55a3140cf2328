import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page } from '@playwright/test';
import { join } from 'node:path';

export const DEMO_USERS = {
  admin: { email: 'admin@demo.encounters', password: 'blue-kiln-falcon-2025' },
  careersLead: { email: 'careers@demo.encounters', password: 'amber-kiln-heron-2025' },
  leader: { email: 'leader@demo.encounters', password: 'green-kiln-otter-2025' },
  teacher: { email: 'teacher@demo.encounters', password: 'grey-kiln-robin-2025' },
} as const;

const screenshots = join(__dirname, '..', 'screenshots');

export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The impacts a journey fails on: everything but minor (issue 18: `landmark-unique` is moderate). */
const FAILING_IMPACTS = new Set(['moderate', 'serious', 'critical']);

/** The widths issue 18 asks for: the common laptop, and an iPad held upright. */
export const DESKTOP = { width: 1366, height: 768 } as const;
export const TABLET = { width: 820, height: 1180 } as const;

/** Below this width the side navigation becomes a drawer (`NARROW_SCREEN` in apps/web/src/app/app.ts). */
const DRAWER_BELOW = 960;

/** Lets finite animations and transitions end: a snack bar or dialog half-way through fading in fails contrast. */
async function settle(page: Page): Promise<void> {
  // Two frames: a resize's media-query change and the layout it sets off start their transitions first.
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
        ),
    undefined,
    { timeout: 5_000 },
  );
}

/** The moderate, serious and critical axe-core findings on the page as it stands, one line each. */
async function findings(page: Page): Promise<string[]> {
  await settle(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

/**
 * No moderate, serious or critical axe-core finding on the page as it stands, at both widths of issue 18: a
 * laptop (the journey's own width if it is a desktop one, 1280 px or more, else 1366×768) and a tablet
 * (820×1180). The page is checked at the journey's size first, then resized to the other width, then put
 * back to the journey's size; what fails is reported with the width it failed at. Whatever is open (a
 * dialog, a panel, the navigation drawer) stays open through the resize, so axe sees it at both widths.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const journey = page.viewportSize() ?? DESKTOP;
  const sizes =
    journey.width >= 1280
      ? [journey, TABLET]
      : journey.width < DRAWER_BELOW
        ? [journey, DESKTOP]
        : [journey, DESKTOP, TABLET];
  const failures: string[] = [];
  try {
    for (const [index, size] of sizes.entries()) {
      if (index > 0) await page.setViewportSize(size);
      for (const finding of await findings(page))
        failures.push(`at ${size.width}×${size.height}: ${finding}`);
    }
  } finally {
    await page.setViewportSize(journey);
    await settle(page);
  }
  expect(failures).toEqual([]);
}

/**
 * The whole page: the app scrolls inside its side-navigation container, so the viewport is stretched to the
 * content's height first.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => {
    const content = document.querySelector('mat-sidenav-content');
    return Math.max(content?.scrollHeight ?? 0, document.documentElement.scrollHeight);
  });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height + 80, 800), 4000) });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  await page.setViewportSize(size);
}

/**
 * Opens a Material select's list. The floating label lies over the select's trigger, so the click goes to the
 * trigger itself, forced; a forced click skips Playwright's checks that the trigger has stopped moving and that
 * nothing covers it, so the page's animations (a dialog opening, the navigation drawer sliding shut) are let end
 * first, and the trigger is clicked again until the list is there (a click that fell on a backdrop opens nothing).
 */
export async function openSelect(page: Page, trigger: Locator): Promise<void> {
  await expect(trigger).toBeVisible();
  await settle(page);
  await expect(async () => {
    if ((await page.getByRole('listbox').count()) === 0) await trigger.click({ force: true });
    await expect(page.getByRole('listbox')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Picks an option of a Material select by the select's label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await openSelect(page, page.getByRole('combobox', { name: label }));
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/**
 * Waits for the navigation drawer of a narrow screen to have slid shut. Its backdrop loses `mat-drawer-shown` as
 * the slide begins but stays on screen (visible, over the page) for the 400 ms it takes, so it is waited on until
 * it is hidden.
 */
export async function drawerShut(page: Page): Promise<void> {
  await expect(page.locator('.mat-drawer-backdrop')).toBeHidden();
  await expect(page.locator('mat-sidenav.mat-drawer-animating')).toHaveCount(0);
}

/** What a person does in a step, for the Keystroke-Level Model's estimate of their time. */
export interface StepEffort {
  /** Points at something and clicks it (KLM P + B: 1.1 s + 0.2 s). */
  clicks?: number;
  /** Characters typed, Enter and Tab included (KLM K: 0.2 s each, a practised typist). */
  keys?: number;
  /** Moments of deciding what to do next (KLM M: 1.35 s each); one per step unless told. */
  thinks?: number;
}

const KLM = { click: 1.3, key: 0.2, think: 1.35 };

/**
 * Times a journey's steps as a user lives them: the person's own time, estimated with the Keystroke-Level
 * Model from what the step asks of them, plus the time the app takes to do what they asked (measured in the
 * browser, which also includes the test driver's own typing; an over-estimate).
 */
export class StepTimer {
  readonly steps: { name: string; appSeconds: number; personSeconds: number }[] = [];

  async step(name: string, effort: StepEffort, work: () => Promise<void>): Promise<void> {
    const started = performance.now();
    await work();
    const appSeconds = (performance.now() - started) / 1000;
    const personSeconds =
      (effort.clicks ?? 0) * KLM.click + (effort.keys ?? 0) * KLM.key + (effort.thinks ?? 1) * KLM.think;
    this.steps.push({ name, appSeconds, personSeconds });
  }

  /** Person's time plus the app's, over every step. */
  get totalSeconds(): number {
    return this.steps.reduce((sum, step) => sum + step.appSeconds + step.personSeconds, 0);
  }

  report(): string {
    const rows = this.steps.map(
      (step) =>
        `  ${step.name.padEnd(44)} person ${step.personSeconds.toFixed(1).padStart(5)} s  app ${step.appSeconds
          .toFixed(1)
          .padStart(5)} s`,
    );
    return [...rows, `  ${'User time in all'.padEnd(44)} ${this.totalSeconds.toFixed(1)} s`].join('\n');
  }
}

/**
 * The encounters of an academy with this title, as the API lists them (every page). A journey that saved an
 * encounter through the form finds it here rather than in the form's own POST: Chromium may drop that answer's
 * body once the app has moved on to the list ("No data found for resource", seen in CI).
 */
export async function encountersTitled(
  page: Page,
  academyId: string,
  title: string,
): Promise<{ id: string; title: string; offeredTo?: number[] }[]> {
  const found: { id: string; title: string; offeredTo?: number[] }[] = [];
  for (let pageNumber = 1; ; pageNumber += 1) {
    const answer = await page.request.get(
      `/api/encounters?academyId=${academyId}&page=${pageNumber}&pageSize=200`,
    );
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { items: { id: string; title: string }[]; total: number };
    found.push(...body.items.filter((item) => item.title === title));
    if (pageNumber * 200 >= body.total || body.items.length === 0) return found;
  }
}

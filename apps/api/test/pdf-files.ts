import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';

/** Collects a response body as bytes, whatever its content type. */
export function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Poppler's tools, which CI installs (.ci/run): a missing one fails the test instead of skipping it. */
function poppler(tool: 'pdftoppm' | 'pdftotext' | 'pdfinfo', args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${tool} is not installed: run \`apt-get install -y poppler-utils\` (CI installs it in .ci/run).`,
    );
  }
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
  return result.stdout;
}

function withPdfFile<T>(pdf: Buffer, use: (path: string, folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'encounters-report-'));
  try {
    writeFileSync(join(folder, 'report.pdf'), pdf);
    return use(join(folder, 'report.pdf'), folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Renders every page of the PDF to PNG with pdftoppm and answers how many pages it drew. */
export function renderedPages(pdf: Buffer): number {
  return withPdfFile(pdf, (path, folder) => {
    poppler('pdftoppm', ['-r', '30', '-png', path, join(folder, 'page')]);
    return readdirSync(folder).filter((name) => /^page-\d+\.png$/.test(name)).length;
  });
}

export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (path) => poppler('pdftotext', ['-layout', path, '-']));
}

export function pdfInfo(pdf: Buffer): string {
  return withPdfFile(pdf, (path) => poppler('pdfinfo', [path]));
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideWebBuild, newestMtime, webBuildState } from './web-build.ts';

describe('decideWebBuild', () => {
  it('builds when there is no build', () => {
    expect(decideWebBuild(undefined, 100)).toEqual({ stale: true, reason: 'web/dist is missing' });
  });
  it('builds when sources are newer than the build', () => {
    expect(decideWebBuild(100, 200).stale).toBe(true);
  });
  it('keeps a build that is newer than every source', () => {
    expect(decideWebBuild(200, 100).stale).toBe(false);
    expect(decideWebBuild(200, 200).stale).toBe(false);
  });
});

describe('webBuildState on a folder', () => {
  it('follows the files', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-web-'));
    fs.mkdirSync(path.join(root, 'web', 'src'), { recursive: true });
    const source = path.join(root, 'web', 'src', 'main.tsx');
    fs.writeFileSync(source, 'x');
    expect(webBuildState(root).stale).toBe(true);

    fs.mkdirSync(path.join(root, 'web', 'dist'));
    const index = path.join(root, 'web', 'dist', 'index.html');
    fs.writeFileSync(index, '<html>');
    fs.utimesSync(source, new Date(1000), new Date(1000));
    expect(webBuildState(root).stale).toBe(false);

    fs.utimesSync(source, new Date(), new Date(Date.now() + 10_000));
    expect(webBuildState(root)).toMatchObject({
      stale: true,
      reason: 'web sources changed after the last build',
    });
    expect(newestMtime([path.join(root, 'missing')])).toBe(0);
  });
});

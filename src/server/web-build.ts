/**
 * `npm start` builds the web app itself when web/dist is missing or older than its sources,
 * so a fresh clone needs no separate build step.
 */
import fs from 'node:fs';
import path from 'node:path';

const ignoredDirs = new Set(['node_modules', 'dist']);

/** Newest modification time (ms) of the files under the given paths; 0 if none exist. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (ignoredDirs.has(path.basename(p))) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

export type WebBuildState = { stale: boolean; reason: string };

/** Pure decision from the two times, kept apart so it can be tested without a file system. */
export function decideWebBuild(builtAt: number | undefined, sourcesChangedAt: number): WebBuildState {
  if (builtAt === undefined) return { stale: true, reason: 'web/dist is missing' };
  if (sourcesChangedAt > builtAt) return { stale: true, reason: 'web sources changed after the last build' };
  return { stale: false, reason: 'web/dist is up to date' };
}

export function webSources(projectRoot: string): string[] {
  const web = path.join(projectRoot, 'web');
  return [
    path.join(web, 'src'),
    path.join(web, 'index.html'),
    path.join(web, 'vite.config.ts'),
    path.join(web, 'public'),
  ];
}

export function webBuildState(projectRoot: string): WebBuildState {
  const index = path.join(projectRoot, 'web', 'dist', 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : undefined;
  return decideWebBuild(builtAt, newestMtime(webSources(projectRoot)));
}

export async function buildWebApp(projectRoot: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

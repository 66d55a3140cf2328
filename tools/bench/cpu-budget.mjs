// A CPU budget for a group of processes, through the kernel's control groups (cgroup v1's `cpu` controller or
// cgroup v2's `cpu.max`): the processes together get at most `cpus` of a core, measured every 20 ms (short, so that a request is not held back for long when its server is over budget). The hub
// scenario gives each PostgreSQL server one, so that a primary and its replica on one machine each have a
// server's worth of processor of their own, as they would on two machines of one size. Needs the right to
// create a control group (root, usually); `cpuBudget` answers null when it cannot, and says why.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PERIOD_US = 20_000;

/** Where control groups with a CPU limit can be made: v1's cpu hierarchy, or v2's unified one. */
function hierarchy() {
  if (existsSync('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')) return { version: 1, root: '/sys/fs/cgroup/cpu' };
  if (existsSync('/sys/fs/cgroup/cgroup.controllers')) return { version: 2, root: '/sys/fs/cgroup' };
  return null;
}

/** The process ids of `pid` and every process below it. */
async function processTree(pid) {
  const parents = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone since the listing.
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++)
    for (const [child, parent] of parents) if (parent === tree[index]) tree.push(child);
  return tree;
}

/**
 * A control group named `name` limited to `cpus` cores: `{ add(pid), remove() }`. `add` moves a process and
 * everything below it (processes it starts later are born inside). Null, with `reason`, when not allowed.
 */
/**
 * Keeps `pid`, everything below it and what they start later on the processors listed (`taskset -a`, which
 * needs no privilege for one's own processes): `cores` like `0` or `1`. Resolves false when taskset is missing.
 */
export async function pinToCores(pid, cores) {
  const { spawnSync } = await import('node:child_process');
  for (const member of await processTree(pid)) {
    const pinned = spawnSync('taskset', ['-a', '-cp', cores, String(member)], { encoding: 'utf8' });
    if (pinned.error) return false;
  }
  return true;
}

export async function cpuBudget(name, cpus, onRefused = () => undefined) {
  const found = hierarchy();
  if (!found) {
    onRefused('no cgroup hierarchy with a CPU controller under /sys/fs/cgroup');
    return null;
  }
  const dir = join(found.root, name);
  try {
    await mkdir(dir, { recursive: true });
    const quota = Math.round(cpus * PERIOD_US);
    if (found.version === 1) {
      await writeFile(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
      await writeFile(join(dir, 'cpu.cfs_quota_us'), String(quota));
    } else {
      await writeFile(join(dir, 'cpu.max'), `${quota} ${PERIOD_US}`);
    }
  } catch (error) {
    onRefused(`cannot make the control group ${dir}: ${error.code ?? error.message}`);
    return null;
  }
  return {
    cpus,
    async add(pid) {
      for (const member of await processTree(pid)) {
        try {
          await writeFile(join(dir, 'cgroup.procs'), String(member));
        } catch (error) {
          // A process that ended meanwhile is no member; any other refusal is.
          if (error.code !== 'ESRCH') throw error;
        }
      }
    },
    /** Takes the limit off (the processes stay in the group). */
    async lift() {
      if (found.version === 1) await writeFile(join(dir, 'cpu.cfs_quota_us'), '-1');
      else await writeFile(join(dir, 'cpu.max'), `max ${PERIOD_US}`);
    },
    /** Removes the group once its processes have ended. */
    async remove() {
      await rmdir(dir).catch(() => undefined);
    },
  };
}

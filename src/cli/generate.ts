/** A seeded synthetic dataset for benchmarks where the real files are absent (no Math.random). */
import { randomLcg, randomNormal } from 'd3-random';
import type { Dataset, Phase, SchoolYear } from '../domain/types';

export function generateDataset(n: number, seed: number): Dataset {
  const lcg = randomLcg(seed / 1000);
  const normal = randomNormal.source(lcg);
  const z = normal(0, 1);
  const phases: Phase[] = ['primary', 'primary', 'primary', 'primary', 'secondary', 'special'];
  const schools: SchoolYear[] = [];
  for (let i = 0; i < n; i++) {
    const phase = phases[Math.floor(lcg() * phases.length)] as Phase;
    const la = String(200 + Math.floor(lcg() * 152));
    const size = phase === 'secondary' ? 1000 : 250;
    const pupils = Math.max(10, Math.round(size * (1 + 0.4 * z())));
    schools.push({
      urn: String(100000 + i),
      name: `School ${i}`,
      laCode: la,
      laName: `LA ${la}`,
      phase,
      partnership: `Partnership ${la}-${Math.floor(lcg() * 8)}`,
      year: '2018/19',
      values: {
        pupils,
        capacity: Math.round(pupils * (1 + 0.15 * lcg())),
        fsm_pct: Math.max(0, 20 + 10 * z()),
        absence_pct: Math.max(0, 4.5 + z()),
        persistent_absence_pct: Math.max(0, 10 + 4 * z()),
        ...(phase === 'primary'
          ? { ks2_rwm_exp_pct: Math.min(100, 65 + 12 * z()), ks2_mat_progress: 2 * z() }
          : {}),
        ...(phase === 'secondary'
          ? {
              ks4_att8: 46 + 8 * z(),
              ks4_p8: 0.5 * z(),
              ks4_p8_ci_lower: -0.2 + 0.5 * z(),
              ks4_p8_ci_upper: 0.2 + 0.5 * z(),
            }
          : {}),
      },
    });
  }
  return { schools, sources: [], extraColumns: [] };
}

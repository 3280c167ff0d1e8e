// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetRulesStore } from '../helpers/rules-store';
import { countOf } from '../../src/domain/format';
import { whatIf } from '../../src/domain/what-if';
import { useRulesStore } from '../../src/state/rules-store';
import { demoRated } from '../helpers/demo-ratings';
import { renderApp } from '../helpers/render-app';
import { loadPresetJson } from '../helpers/schools';

describe('rules editor', () => {
  beforeEach(resetRulesStore);

  async function openAbsence() {
    const user = userEvent.setup();
    renderApp('#/rules');
    const summary = await screen.findByText(
      'Absence',
      { selector: 'summary strong' },
      { timeout: 20000 },
    );
    await user.click(summary);
    const editor = summary.closest('details') as HTMLElement;
    const [redPercentile] = within(editor).getAllByLabelText(/^Percentile/);
    return { user, editor, redPercentile: redPercentile as HTMLInputElement };
  }

  it('warns about a clause that never fires on the loaded data', async () => {
    const user = userEvent.setup();
    renderApp('#/rules');
    const summary = await screen.findByText(
      'KS2 RWM expected standard',
      { selector: 'summary strong' },
      { timeout: 20000 },
    );
    await user.click(summary);
    const editor = summary.closest('details') as HTMLElement;
    expect(
      await within(editor).findAllByText(
        /^Catches [\d,]+ of [\d,]+ schools with a value in 2018\/19\.$/,
      ),
    ).toHaveLength(3);
    expect(within(editor).queryByText(/^Never fires on this data/)).toBeNull();
    // Amber below the lower quartile (61%), under the 65% floor: every such school is red already.
    const [amberPercentile] = within(editor).getAllByLabelText(/^Percentile/);
    await user.clear(amberPercentile!);
    await user.type(amberPercentile!, '25');
    expect(
      await within(editor).findByText(
        /^Never fires on this data: every school it would catch/,
        {},
        { timeout: 20000 },
      ),
    ).toBeTruthy();
  });

  it("bands against England: the what-if counts it, and a school's reason names England", async () => {
    const { user, editor } = await openAbsence();
    await user.selectOptions(
      within(editor).getByLabelText('Comparison group for percentiles and means'),
      'england',
    );
    expect(
      await screen.findByText(
        /would change colour\.$/,
        { selector: '.what-if-summary' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(editor.querySelector('summary')?.textContent).toMatch(
      /Red when above the upper quartile of schools of the same phase in England in the same year \(the shipped England figures\)/,
    );
    await user.type(screen.getByLabelText('Name for your rule set'), 'England absence');
    await user.click(screen.getByRole('button', { name: 'Apply and save as a new rule set' }));
    window.location.hash = '#/school?urn=115851';
    const table = await screen.findByRole(
      'table',
      { name: /Anstey Junior School, 2018\/19/ },
      { timeout: 20000 },
    );
    const absence = within(table).getByRole('row', { name: /^Absence/ });
    expect(absence.textContent).toMatch(/of 16,779 primary schools in England, 2018\/19/);
  });

  it('lists every indicator in plain English', async () => {
    renderApp('#/rules');
    expect(
      await screen.findByText(
        /Red when below 65% \(below the floor\); otherwise amber when below the median of primary schools/,
        {},
        { timeout: 20000 },
      ),
    ).toBeTruthy();
  });

  it('shows what-if counts from the engine while editing, then applies the change', async () => {
    const { user, redPercentile } = await openAbsence();
    expect(redPercentile.value).toBe('75');
    await user.clear(redPercentile);
    await user.type(redPercentile, '90');
    const draft = structuredClone(loadPresetJson());
    draft.indicators.find((i) => i.id === 'attendance')!.clauses![0]!.when = {
      op: '>',
      quantile: 0.9,
    };
    const expected = whatIf(demoRated().ds.schools, loadPresetJson(), draft, {
      year: '2018/19',
      grouping: 'partnership',
    });
    expect(expected.schools).toBeGreaterThan(0);
    expect(
      await screen.findByText(
        `${countOf(expected.schools, 'school')}, ${countOf(expected.partnerships, 'partnership')} and ${countOf(expected.authorities, 'authority', 'authorities')} would change colour.`,
      ),
    ).toBeTruthy();
    await user.type(screen.getByLabelText('Name for your rule set'), 'Consultation 2026');
    await user.click(screen.getByRole('button', { name: 'Apply and save as a new rule set' }));
    expect(useRulesStore.getState().sets[0]).toMatchObject({
      name: 'Consultation 2026',
      version: 1,
    });
    expect(screen.getByText(/rules: Consultation 2026 v1/)).toBeTruthy();
    expect(
      screen.getByText(/Red when above the 90th percentile of schools of the same phase/),
    ).toBeTruthy();
  });

  it('puts validation messages beside the field at fault and blocks saving', async () => {
    const { user, redPercentile } = await openAbsence();
    await user.clear(redPercentile);
    await user.type(redPercentile, '150');
    const message = await screen.findByText('A percentile must be more than 0 and less than 100');
    expect(redPercentile.getAttribute('aria-describedby')).toBe(message.closest('p')?.id);
    expect(redPercentile.getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByRole('heading', { name: 'There is a problem with one field' });
    // said as the editor says it (a percentile of 150), not as the file stores it (1.5)
    expect(summary.parentElement?.textContent).toMatch(
      /Absence, clause 1: the percentile must be more than 0 and less than 100 \(indicators\[\d+\]\.clauses\[0\]\.when\.quantile\)/,
    );
    expect(
      (
        screen.getByRole('button', {
          name: 'Apply and save as a new rule set',
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
    await user.clear(redPercentile);
    expect(screen.getAllByText('Enter a number').length).toBeGreaterThan(0);
  });

  it('adds, reorders and removes clauses', async () => {
    const { user, editor } = await openAbsence();
    await user.click(within(editor).getByRole('button', { name: 'Add a clause' }));
    expect(within(editor).getAllByRole('button', { name: /^Remove clause/ })).toHaveLength(4);
    await user.click(within(editor).getByRole('button', { name: 'Move clause 4 up' }));
    const draft = useRulesStore.getState().draft!;
    expect(
      draft.indicators.find((i) => i.id === 'attendance')!.clauses!.map((c) => c.rating),
    ).toEqual(['red', 'green', 'amber', 'amber']);
    await user.click(within(editor).getByRole('button', { name: 'Remove clause 3' }));
    expect(
      useRulesStore.getState().draft!.indicators.find((i) => i.id === 'attendance')!.clauses,
    ).toHaveLength(3);
  });

  it('prints a dated, versioned trigger document', async () => {
    renderApp('#/rules?doc=1');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'School performance triggers: Essex-style' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText(/^Version 1, printed/)).toBeTruthy();
    expect(screen.getByText(/A school is red \(causing concern\) when 2 or more/)).toBeTruthy();
    // what each trigger is for, its minimum cohort, and how it fares on the loaded data
    const ks2 = screen
      .getByRole('heading', { level: 3, name: /^KS2 maths progress/ })
      .closest('section') as HTMLElement;
    expect(ks2.textContent).toMatch(/significantly below average/);
    expect(ks2.textContent).toMatch(
      /not rated below 11: KS2 cohort \(eligible pupils\) \(rated where the data gives no such number\)/,
    );
    expect(
      await within(ks2).findByText(
        /^On the loaded data \(2018\/19\): \d+ of \d+ rated schools red/,
        {},
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(within(ks2).queryByText(/never fires/)).toBeNull();
  });
});

describe('sharing rules as a link', () => {
  it('imports a shared rule set from the link, and rejects a damaged one', async () => {
    const { encodeShare } = await import('../../src/state/rules-share');
    const shared = { ...loadPresetJson(), name: 'Shared by Colchester' };
    const user = userEvent.setup();
    renderApp(`#/rules?share=${encodeShare(shared)}`);
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Import it as a new rule set' },
        { timeout: 20000 },
      ),
    );
    expect(useRulesStore.getState().sets.map((s) => s.name)).toEqual([
      'Shared by Colchester (shared)',
    ]);
  });
  it('says when a shared link is damaged', async () => {
    resetRulesStore();
    renderApp('#/rules?share=e30');
    expect((await screen.findByRole('alert', {}, { timeout: 20000 })).textContent).toMatch(
      /The shared rules could not be read/,
    );
  });
});

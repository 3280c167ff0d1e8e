// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { GroupPicker } from '../../src/features/authority/GroupPicker';

function Harness({ groups }: { groups: string[] }) {
  const [value, setValue] = useState('');
  return (
    <>
      <GroupPicker
        label="Show the schools of"
        groups={groups}
        countOf={(g) => g.length}
        total={999}
        value={value}
        onChange={setValue}
      />
      <p>chosen:{value}</p>
    </>
  );
}

describe('group picker', () => {
  it('is a select for a short list, with counts', async () => {
    render(<Harness groups={['North', 'South']} />);
    const select = screen.getByLabelText(/^Show the schools of/);
    expect(select.tagName).toBe('SELECT');
    expect(screen.getByRole('option', { name: 'North (5)' })).toBeTruthy();
    await userEvent.selectOptions(select, 'South');
    expect(screen.getByText('chosen:South')).toBeTruthy();
  });

  it('is a search box with suggestions for a national list, choosing only a known group', async () => {
    const groups = Array.from({ length: 900 }, (_, k) => `Trust ${k}`);
    render(<Harness groups={groups} />);
    const box = screen.getByLabelText(/^Show the schools of/);
    expect(box.tagName).toBe('INPUT');
    // The suggestions are made when the box is first focused, not with the page.
    expect(document.querySelectorAll('datalist option')).toHaveLength(0);
    await userEvent.click(box);
    expect(document.querySelectorAll('datalist option')).toHaveLength(900);
    await userEvent.type(box, 'Trust 12');
    expect(screen.getByText('chosen:Trust 12')).toBeTruthy();
    await userEvent.type(box, 'x');
    // Not a group: every group is shown, and the reader is told so.
    expect(screen.getByText('chosen:')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/No group called “Trust 12x”/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });
});

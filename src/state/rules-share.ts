/** Rule sets as files and links: the same JSON format and schema the CLI reads. */
import type { RuleSet } from '../domain/rules/schema';
import { parseRuleSetText, type RuleValidation } from '../domain/rules/validate';

export function ruleSetJson(rules: RuleSet): string {
  return `${JSON.stringify({ ...rules, $schema: './rules.schema.json' }, null, 2)}\n`;
}

/** base64url of the UTF-8 JSON, for a #/rules?share=... link (nothing leaves the browser). */
export function encodeShare(rules: RuleSet): string {
  const bytes = new TextEncoder().encode(JSON.stringify(rules));
  let bin = '';
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeShare(token: string): RuleValidation {
  try {
    const bin = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    return parseRuleSetText(text);
  } catch {
    return {
      ok: false,
      issues: [{ path: '(link)', message: 'the shared link is damaged or incomplete' }],
    };
  }
}

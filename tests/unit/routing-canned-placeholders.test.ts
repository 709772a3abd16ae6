/** Canned responses' placeholders: known ones filled, unknown ones left exactly as typed. */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, firstNameOf } from '../../server/modules/canned/placeholders.ts';

const values = {
  'client.name': 'Grace Globex',
  'client.firstName': 'Grace',
  'org.name': 'Globex',
  'ticket.key': 'ACME-1005',
  'ticket.subject': 'Mail is slow',
  'agent.name': 'Tara Team',
  'portal.name': 'Acme Client Hub',
};

describe('fillPlaceholders', () => {
  it('fills every known placeholder, spaces inside the braces allowed', () => {
    const body =
      'Hi {{client.firstName}} ({{ client.name }} at {{org.name}}), about {{ticket.key}} “{{ticket.subject}}”: — {{agent.name}}, {{portal.name}}';
    expect(fillPlaceholders(body, values)).toBe(
      'Hi Grace (Grace Globex at Globex), about ACME-1005 “Mail is slow”: — Tara Team, Acme Client Hub',
    );
  });

  it('leaves unknown placeholders and stray braces as typed', () => {
    expect(fillPlaceholders('{{client.nmae}} {{ticket}} {client.name} {{ }} {{client.name', values)).toBe(
      '{{client.nmae}} {{ticket}} {client.name} {{ }} {{client.name',
    );
  });

  it('does not re-expand placeholders inside filled values', () => {
    expect(fillPlaceholders('{{ticket.subject}}', { ...values, 'ticket.subject': '{{agent.name}}' })).toBe(
      '{{agent.name}}',
    );
  });

  it('fills a placeholder used several times', () => {
    expect(fillPlaceholders('{{ticket.key}}/{{ticket.key}}', values)).toBe('ACME-1005/ACME-1005');
  });
});

describe('firstNameOf', () => {
  it('takes the first word', () => {
    expect(firstNameOf('  Grace  Globex ')).toBe('Grace');
    expect(firstNameOf('Cher')).toBe('Cher');
  });
});

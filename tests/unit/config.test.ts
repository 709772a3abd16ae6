import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.publicUrl.origin).toBe('http://localhost:3000');
    expect(c.seedDemo).toBe(true);
    expect(c.auditRetentionDays).toBe(30);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://x'],
    ['SEED_DEMO', 'maybe'],
    ['SMTP_URL', 'http://mail'],
    ['SECRET_KEY', 'short'],
    ['AUDIT_RETENTION_DAYS', '0'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('reads SEED_DEMO=false and PUBLIC_URL', () => {
    const c = loadConfig({ SEED_DEMO: 'false', PUBLIC_URL: 'https://portal.example' });
    expect(c.seedDemo).toBe(false);
    expect(c.publicUrl.hostname).toBe('portal.example');
  });
});

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { domainStatusLabel } from '../../lib/format.ts';
import type { TenantView } from '../../lib/types.ts';
import { useTenantUpdated } from './useTenantUpdated.ts';

// HTML compiles `pattern` with the regex `v` flag, where a literal "-" in a class must be escaped.
const DOMAIN_PATTERN = '([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}';

/**
 * An organisation's custom domain and its status; lets a requester ask for one, and whoever may
 * verify mark a requested one verified or set one directly.
 */
export function DomainCard({ tenant }: { tenant: TenantView }) {
  const toast = useToast();
  const updated = useTenantUpdated();
  const [domain, setDomain] = useState('');
  const request = useMutation({
    mutationFn: () =>
      api<{ tenant: TenantView }>('POST', `/api/tenants/${encodeURIComponent(tenant.id)}/domain`, {
        domain: domain.trim().toLowerCase(),
      }),
    onSuccess: ({ tenant: saved }) => {
      updated(saved);
      setDomain('');
      toast(saved.customDomainStatus === 'verified' ? 'Custom domain verified' : 'Custom domain requested');
    },
  });
  const verify = useMutation({
    mutationFn: () =>
      api<{ tenant: TenantView }>('POST', `/api/tenants/${encodeURIComponent(tenant.id)}/domain/verify`),
    onSuccess: ({ tenant: saved }) => {
      updated(saved);
      toast('Custom domain verified');
    },
  });
  const errors = fieldErrors(request.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    request.mutate();
  };
  const tone =
    tenant.customDomainStatus === 'verified'
      ? 'success'
      : tenant.customDomainStatus === 'requested'
        ? 'info'
        : 'neutral';

  return (
    <Card
      title="Custom domain"
      id="org-domain"
      description="People can reach this organisation’s portal on its own web address."
    >
      <div className="stack">
        {tenant.customDomain ? (
          <div className="row-between">
            <span className="mono">{tenant.customDomain}</span>
            <Badge tone={tone}>{domainStatusLabel(tenant.customDomainStatus)}</Badge>
          </div>
        ) : (
          <p className="muted">No custom domain yet.</p>
        )}
        {tenant.customDomainStatus === 'requested' && tenant.abilities.verifyDomain ? (
          <div className="stack-s">
            <FormError message={verify.error ? describeError(verify.error) : null} />
            <div className="row">
              <Button
                variant="primary"
                icon="check"
                onClick={() => verify.mutate()}
                pending={verify.isPending}
              >
                Mark as verified
              </Button>
            </div>
          </div>
        ) : null}
        {/* Whoever may verify sets a domain directly (verified at once); a requester asks for one. */}
        {tenant.abilities.requestDomain || tenant.abilities.verifyDomain ? (
          <form className="stack" onSubmit={submit}>
            <TextField
              label={tenant.customDomain ? 'Change domain' : 'Domain'}
              name="domain"
              inputMode="url"
              autoCapitalize="off"
              spellCheck={false}
              placeholder="portal.example.com"
              pattern={DOMAIN_PATTERN}
              required
              hint={
                tenant.abilities.verifyDomain
                  ? 'Point the domain at this portal first; it is active as soon as you save it.'
                  : 'Point the domain at this portal, then request it. The platform team verifies it.'
              }
              value={domain}
              error={errors.domain}
              onChange={(event) => setDomain(event.target.value)}
            />
            <FormError message={request.error && !errors.domain ? describeError(request.error) : null} />
            <div className="row">
              <Button type="submit" pending={request.isPending}>
                {tenant.abilities.verifyDomain ? 'Save domain' : 'Request domain'}
              </Button>
            </div>
          </form>
        ) : null}
      </div>
    </Card>
  );
}

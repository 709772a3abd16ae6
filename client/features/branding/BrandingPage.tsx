import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ME_KEY, useMe } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { Alert, FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { contrastRatio, normalizeHex, onColor } from '../../lib/color.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { kindLabel } from '../../lib/format.ts';
import { queryKeys, tenantTree, useTenant, useTenants } from '../../lib/queries.ts';
import type { Branding, OwnBranding, TenantDetail, TenantView } from '../../lib/types.ts';
import { BrandingPreview } from './BrandingPreview.tsx';
import {
  type Draft,
  draftFrom,
  inheritedBranding,
  logoProblem,
  previewBranding,
  toRequest,
} from './brandingDraft.ts';

export default function BrandingPage() {
  const me = useMe();
  const tenants = useTenants();
  const [params, setParams] = useSearchParams();
  const brandable = (tenants.data ?? []).filter((tenant) => tenant.abilities.configureBranding);
  const requested = params.get('tenant');
  const selected =
    brandable.find((tenant) => tenant.id === requested) ??
    brandable.find((tenant) => tenant.id === me.tenant.id) ??
    tenantTree(brandable)[0]?.tenant;

  return (
    <>
      <PageHeader
        title="Branding"
        description="Your name, logo and colours on the portal and its sign-in page. Organisations below inherit anything they don’t set themselves."
      />
      {tenants.isPending ? (
        <SkeletonCard lines={4} label="Loading…" />
      ) : tenants.isError ? (
        <div className="card">
          <ErrorState error={tenants.error} onRetry={() => void tenants.refetch()} />
        </div>
      ) : !selected ? (
        <div className="card">
          <EmptyState icon="palette" title="There’s nothing you can brand">
            Branding is managed by the organisation above yours.
          </EmptyState>
        </div>
      ) : (
        <div className="stack-l">
          {brandable.length > 1 ? (
            <div className="card card-padded">
              <SelectField
                label="Organisation"
                value={selected.id}
                onChange={(event) => setParams({ tenant: event.target.value }, { replace: true })}
                options={tenantTree(brandable).map(({ tenant, depth }) => ({
                  value: tenant.id,
                  label: `${'\u2003'.repeat(depth)}${tenant.name} (${kindLabel(tenant.kind)})`,
                }))}
              />
            </div>
          ) : null}
          <TenantBranding
            tenant={selected}
            parent={(tenants.data ?? []).find((t) => t.id === selected.parentId)}
          />
        </div>
      )}
    </>
  );
}

function TenantBranding({ tenant, parent }: { tenant: TenantView; parent: TenantView | undefined }) {
  const detail = useTenant(tenant.id);
  // Bumped after each save so the editor starts again from the saved values. (Not keyed on the
  // query's update time: a background refetch must never throw away someone's unsaved draft.)
  const [version, setVersion] = useState(0);
  // The parent's effective branding is what "inherit" would give; a partner may not be able to read
  // the platform tenant, which is fine (see inheritedBranding).
  const parentDetail = useQuery({
    queryKey: queryKeys.tenant(tenant.parentId ?? ''),
    queryFn: () => api<TenantDetail>('GET', `/api/tenants/${encodeURIComponent(tenant.parentId ?? '')}`),
    enabled: Boolean(tenant.parentId) && Boolean(parent),
    retry: false,
  });

  if (detail.isPending || (parent && parentDetail.isPending))
    return <SkeletonCard lines={6} label="Loading branding…" />;
  if (detail.isError) {
    return (
      <div className="card">
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </div>
    );
  }
  const inherited = inheritedBranding(
    detail.data.branding,
    detail.data.effectiveBranding,
    parentDetail.data?.effectiveBranding ?? null,
  );
  return (
    <BrandingEditor
      key={`${tenant.id}:${version}`}
      tenant={tenant}
      onSaved={() => setVersion((current) => current + 1)}
      own={detail.data.branding}
      inherited={inherited}
      inheritLabel={parent ? `Same as ${parent.name}` : 'Use the default'}
    />
  );
}

function BrandingEditor({
  tenant,
  own,
  inherited,
  inheritLabel,
  onSaved,
}: {
  tenant: TenantView;
  own: OwnBranding;
  inherited: Branding;
  inheritLabel: string;
  onSaved: () => void;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [initial] = useState(() => draftFrom(own, inherited));
  const [draft, setDraft] = useState<Draft>(initial);
  const [hexText, setHexText] = useState({
    primaryColor: initial.primaryColor.value,
    accentColor: initial.accentColor.value,
  });
  const [logoError, setLogoError] = useState<string | null>(null);
  const preview = previewBranding(draft, inherited);
  const dirty = JSON.stringify(toRequest(draft)) !== JSON.stringify(toRequest(initial));

  const save = useMutation({
    mutationFn: () =>
      api<{ branding: OwnBranding; effectiveBranding: Branding }>(
        'PUT',
        `/api/tenants/${encodeURIComponent(tenant.id)}/branding`,
        toRequest(draft),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData<TenantDetail>(queryKeys.tenant(tenant.id), (current) =>
        current
          ? { ...current, branding: saved.branding, effectiveBranding: saved.effectiveBranding }
          : current,
      );
      onSaved();
      toast(`Branding for ${tenant.name} saved`);
      // Descendants inherit, and the signed-in user's own branding may have changed with it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenants });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const errors = fieldErrors(save.error);

  const set = <K extends keyof Draft>(field: K, patch: Partial<Draft[K]>) => {
    setDraft((current) => ({ ...current, [field]: { ...current[field], ...patch } }));
  };

  const chooseLogo = (file: File | undefined) => {
    if (!file) return;
    const problem = logoProblem(file);
    setLogoError(problem);
    if (problem) return;
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      if (!/^data:image\/(png|jpeg|webp);base64,/.test(result)) {
        setLogoError('That file could not be read as an image. Try another one.');
        return;
      }
      set('logoDataUrl', { inherit: false, value: result });
    };
    reader.onerror = () => setLogoError('That file could not be read. Try another one.');
    reader.readAsDataURL(file);
  };

  const setColor = (field: 'primaryColor' | 'accentColor', text: string) => {
    setHexText((current) => ({ ...current, [field]: text }));
    const hex = normalizeHex(text);
    if (hex) set(field, { value: hex });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    save.mutate();
  };

  const reset = () => {
    setDraft(initial);
    setHexText({ primaryColor: initial.primaryColor.value, accentColor: initial.accentColor.value });
    setLogoError(null);
    save.reset();
  };

  return (
    <div className="branding-layout">
      <form className="card card-padded stack-l" onSubmit={submit} aria-label={`Branding for ${tenant.name}`}>
        <BrandSection
          title="Portal name"
          inherit={draft.portalName.inherit}
          inheritLabel={inheritLabel}
          inheritedValue={inherited.portalName}
          onInherit={(inherit) => set('portalName', { inherit })}
        >
          <TextField
            label="Portal name"
            hideLabel
            required
            maxLength={60}
            value={draft.portalName.value}
            error={errors.portalName}
            hint="Shown in the top bar, on the sign-in page and in emails."
            onChange={(event) => set('portalName', { value: event.target.value })}
          />
        </BrandSection>

        <BrandSection
          title="Logo"
          inherit={draft.logoDataUrl.inherit}
          inheritLabel={inheritLabel}
          inheritedValue={inherited.logoDataUrl ? 'An inherited logo' : 'No logo — the portal name is shown'}
          onInherit={(inherit) => set('logoDataUrl', { inherit })}
        >
          <LogoInput
            value={draft.logoDataUrl.value}
            error={logoError ?? errors.logoDataUrl ?? null}
            onFile={chooseLogo}
          />
        </BrandSection>

        <div className="color-pair">
          {(['primaryColor', 'accentColor'] as const).map((field) => (
            <BrandSection
              key={field}
              title={field === 'primaryColor' ? 'Primary colour' : 'Accent colour'}
              inherit={draft[field].inherit}
              inheritLabel={inheritLabel}
              inheritedValue={inherited[field]}
              onInherit={(inherit) => set(field, { inherit })}
            >
              <ColorInput
                label={field === 'primaryColor' ? 'Primary colour' : 'Accent colour'}
                hint={field === 'primaryColor' ? 'Buttons, links and the active page.' : 'Small highlights.'}
                text={hexText[field]}
                value={draft[field].value}
                error={errors[field]}
                onText={(text) => setColor(field, text)}
              />
            </BrandSection>
          ))}
        </div>

        <BrandSection
          title="Sign-in text"
          inherit={draft.loginText.inherit}
          inheritLabel={inheritLabel}
          inheritedValue={inherited.loginText || 'No text'}
          onInherit={(inherit) => set('loginText', { inherit })}
        >
          <TextAreaField
            label="Sign-in text"
            hideLabel
            maxLength={500}
            rows={3}
            value={draft.loginText.value}
            error={errors.loginText}
            hint={`A short welcome or support note on the sign-in page. Plain text, ${500 - draft.loginText.value.length} characters left.`}
            onChange={(event) => set('loginText', { value: event.target.value })}
          />
        </BrandSection>

        <FormError message={save.error ? describeError(save.error) : null} />
        <div className="row">
          <Button type="submit" variant="primary" pending={save.isPending} disabled={!dirty}>
            Save branding
          </Button>
          {dirty ? (
            <Button variant="ghost" onClick={reset}>
              Discard changes
            </Button>
          ) : null}
        </div>
      </form>
      <div className="branding-preview-column">
        <BrandingPreview branding={preview} />
        <ContrastNote color={preview.primaryColor} />
      </div>
    </div>
  );
}

function BrandSection({
  title,
  inherit,
  inheritLabel,
  inheritedValue,
  onInherit,
  children,
}: {
  title: string;
  inherit: boolean;
  inheritLabel: string;
  inheritedValue: string | null;
  onInherit: (inherit: boolean) => void;
  children: ReactNode;
}) {
  return (
    <section className="brand-section" aria-label={title}>
      <div className="row-between">
        <h2 className="brand-section-title">{title}</h2>
        <Checkbox
          label={
            <>
              <span className="visually-hidden">{title}: </span>
              {inheritLabel}
            </>
          }
          checked={inherit}
          onChange={(event) => onInherit(event.target.checked)}
        />
      </div>
      {inherit ? (
        <p className="inherited-value">
          {inheritedValue && /^#[0-9a-f]{6}$/i.test(inheritedValue) ? (
            <span className="swatch" style={{ background: inheritedValue }} aria-hidden />
          ) : null}
          <span className="muted">{inheritedValue}</span>
        </p>
      ) : (
        children
      )}
    </section>
  );
}

function LogoInput({
  value,
  error,
  onFile,
}: {
  value: string | null;
  error: string | null;
  onFile: (file: File | undefined) => void;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="logo-input">
        <span className="logo-frame">
          {value ? <img src={value} alt="Current logo" /> : <span className="subtle">No logo</span>}
        </span>
        <div className="stack-s">
          <label htmlFor={id} className="btn btn-secondary btn-s file-label">
            {value ? 'Replace logo…' : 'Upload logo…'}
          </label>
          <input
            id={id}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="file-input"
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        PNG, JPEG or WebP, at most 256 KB. A wide logo about 40 px tall looks best.
      </p>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

function ColorInput({
  label,
  hint,
  text,
  value,
  error,
  onText,
}: {
  label: string;
  hint: string;
  text: string;
  value: string;
  error?: string;
  onText: (text: string) => void;
}) {
  const invalid = normalizeHex(text) === null;
  return (
    <div className="color-input">
      <input
        type="color"
        className="color-swatch-input"
        aria-label={`${label}: colour picker`}
        value={value}
        onChange={(event) => onText(event.target.value)}
      />
      <TextField
        label={`${label} (hex)`}
        hideLabel
        className="grow"
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        maxLength={7}
        hint={hint}
        error={error ?? (invalid ? 'Use a hex colour such as #4f46e5.' : null)}
        onChange={(event) => onText(event.target.value)}
        onBlur={() => {
          const hex = normalizeHex(text);
          if (hex) onText(hex);
        }}
      />
    </div>
  );
}

function ContrastNote({ color }: { color: string }) {
  const text = onColor(color);
  const ratio = contrastRatio(color, text);
  if (ratio >= 4.5) return null;
  return (
    <Alert tone="warning" title="Button text may be hard to read">
      Text on this primary colour reaches a contrast of {ratio.toFixed(1)}:1; at least 4.5:1 is needed for
      everyone to read it comfortably. Try a darker or lighter shade.
    </Alert>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ME_KEY } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { normalizeHex } from '../../lib/color.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { queryKeys } from '../../lib/queries.ts';
import type { Branding, OwnBranding, TenantDetail, TenantView } from '../../lib/types.ts';
import { BrandingPreview } from './BrandingPreview.tsx';
import { BrandSection } from './BrandSection.tsx';
import { type Draft, draftFrom, logoProblem, previewBranding, toRequest } from './brandingDraft.ts';
import { ColorInput, ContrastNote } from './ColorFields.tsx';
import { LogoInput, readLogoFile } from './LogoField.tsx';

/**
 * The branding form for one tenant, with a live preview beside it. It starts from the tenant's own
 * values (falling back to `inherited`) and calls `onSaved` after a successful save.
 */
export function BrandingEditor({
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
    readLogoFile(file, (dataUrl) => set('logoDataUrl', { inherit: false, value: dataUrl }), setLogoError);
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

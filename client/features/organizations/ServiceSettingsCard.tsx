/**
 * A client org's service settings, for those allowed to set them (provider admins and staff, the
 * org's partner): its attachment storage quota in GB — or the portal default — with what it uses
 * now, and whether its people see SLA countdowns on their tickets. The server decides who may:
 * the card asks, and shows nothing when the answer is "not yours" (403/404).
 */
import '../../styles/sla-csat.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { Checkbox, TextField } from '../../components/Field.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import type { TenantView } from '../../lib/types.ts';

interface ServiceSettings {
  storageQuotaBytes: number | null;
  slaVisibleToClient: boolean;
  defaultStorageQuotaBytes: number;
  effectiveStorageQuotaBytes: number;
  storageUsedBytes: number;
}

const GB = 1024 ** 3;
const MIN_GB = 0.001;
const MAX_GB = 1024;
const key = (id: string) => ['tenants', id, 'service-settings'] as const;
const path = (id: string) => `/api/tenants/${encodeURIComponent(id)}/service-settings`;

/** "1.25 GB", "512 MB" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${Number((bytes / GB).toFixed(2))} GB`;
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function ServiceSettingsCard({ tenant }: { tenant: TenantView }) {
  const settings = useQuery({
    queryKey: key(tenant.id),
    queryFn: () => api<{ settings: ServiceSettings }>('GET', path(tenant.id)),
    enabled: tenant.kind === 'client',
    retry: (count, error) => !isApiError(error) && count < 2,
  });
  if (tenant.kind !== 'client') return null;
  if (settings.isPending) return <SkeletonCard lines={3} label="Loading service settings…" />;
  if (settings.isError) {
    // Not theirs to configure: the card is simply not there.
    if (isApiError(settings.error, 'forbidden', 'not_found')) return null;
    return (
      <Card title="Service settings" id="org-service-settings">
        <FormError message={describeError(settings.error)} />
        <Button icon="refresh" onClick={() => void settings.refetch()}>
          Try again
        </Button>
      </Card>
    );
  }
  return (
    <SettingsForm
      key={JSON.stringify(settings.data.settings)}
      tenant={tenant}
      settings={settings.data.settings}
    />
  );
}

function SettingsForm({ tenant, settings }: { tenant: TenantView; settings: ServiceSettings }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [useDefault, setUseDefault] = useState(settings.storageQuotaBytes === null);
  const [quotaGb, setQuotaGb] = useState(
    String(Number(((settings.storageQuotaBytes ?? settings.defaultStorageQuotaBytes) / GB).toFixed(3))),
  );
  const [slaVisible, setSlaVisible] = useState(settings.slaVisibleToClient);
  const [quotaError, setQuotaError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: { storageQuotaBytes: number | null; slaVisibleToClient: boolean }) =>
      api<{ settings: ServiceSettings }>('PUT', path(tenant.id), body),
    onSuccess: (result) => {
      queryClient.setQueryData(key(tenant.id), result);
      toast(`Service settings saved for ${tenant.name}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let storageQuotaBytes: number | null = null;
    if (!useDefault) {
      const gb = Number(quotaGb);
      if (quotaGb.trim() === '' || !Number.isFinite(gb) || gb < MIN_GB || gb > MAX_GB) {
        setQuotaError(`Enter a quota from ${MIN_GB} to ${MAX_GB} GB.`);
        return;
      }
      storageQuotaBytes = Math.max(1024 ** 2, Math.round(gb * GB));
    }
    setQuotaError(null);
    save.mutate({ storageQuotaBytes, slaVisibleToClient: slaVisible });
  };

  const used = settings.storageUsedBytes;
  const quota = settings.effectiveStorageQuotaBytes;
  return (
    <Card
      title="Service settings"
      id="org-service-settings"
      description="What this organisation’s service includes. Its people can’t change these."
    >
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={save.error ? describeError(save.error) : null} />
        <div className="stack-s">
          <p className="field-label">Storage used</p>
          <meter className="usage-meter" min={0} max={quota} value={Math.min(used, quota)} aria-hidden />
          <p className="subtle">
            {formatBytes(used)} of {formatBytes(quota)} used by attachments
          </p>
        </div>
        <Checkbox
          label="Use the portal’s default quota"
          hint={`Currently ${formatBytes(settings.defaultStorageQuotaBytes)}.`}
          checked={useDefault}
          onChange={(event) => setUseDefault(event.target.checked)}
        />
        {useDefault ? null : (
          <TextField
            label="Storage quota (GB)"
            type="number"
            inputMode="decimal"
            min={MIN_GB}
            max={MAX_GB}
            step="any"
            value={quotaGb}
            onChange={(event) => setQuotaGb(event.target.value)}
            error={quotaError}
            hint="Uploads that would go over it are refused. Existing files stay."
          />
        )}
        <Checkbox
          label="Show SLA countdowns to this organisation’s people"
          hint="They see when a response and a resolution are due on their tickets, and whether a target was missed."
          checked={slaVisible}
          onChange={(event) => setSlaVisible(event.target.checked)}
        />
        <div className="row">
          <Button type="submit" variant="primary" pending={save.isPending}>
            Save service settings
          </Button>
        </div>
      </form>
    </Card>
  );
}

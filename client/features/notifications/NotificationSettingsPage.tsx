/**
 * /settings/notifications: per type, in-app and email; and the daily digest instead of one
 * email per notification. Each switch saves itself.
 */
import { useState } from 'react';
import { useMe } from '../../app/me.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Card } from '../../components/Card.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { describeError } from '../../lib/errors.ts';
import { type PreferencesChange, usePreferences, useSavePreferences } from './api.ts';
import type { ChannelChoice, NotificationType } from './keys.ts';
import { TYPE_WORDS, typesFor } from './words.ts';
import '../../styles/notifications.css';

export default function NotificationSettingsPage() {
  const preferences = usePreferences();
  const types = typesFor(useMe().user.role);
  const save = useSavePreferences();
  const [error, setError] = useState<string | null>(null);

  const change = (update: PreferencesChange) => {
    setError(null);
    save.mutate(update, { onError: (e) => setError(describeError(e)) });
  };
  const toggle = (type: NotificationType, current: ChannelChoice, channel: keyof ChannelChoice) =>
    change({ types: { [type]: { ...current, [channel]: !current[channel] } } });

  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Choose what reaches you in the portal and by email."
        back={{ to: '/notifications', label: 'Notifications' }}
      />
      <div aria-live="assertive">{error ? <Alert tone="danger">{error}</Alert> : null}</div>
      {preferences.isPending ? (
        <SkeletonCard lines={6} label="Loading your settings…" />
      ) : preferences.isError ? (
        <div className="card">
          <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
        </div>
      ) : (
        <div className="stack">
          <Card title="Email delivery">
            <label className="notif-switch">
              <input
                type="checkbox"
                role="switch"
                aria-checked={preferences.data.dailyDigest}
                checked={preferences.data.dailyDigest}
                disabled={save.isPending}
                onChange={() => change({ dailyDigest: !preferences.data.dailyDigest })}
              />
              <span>
                <span className="notif-switch-label">Daily digest</span>
                <span className="field-hint">
                  One email a day listing what happened, instead of an email for each notification.
                </span>
              </span>
            </label>
          </Card>
          <Card title="What to tell you" flush>
            <table className="notif-prefs">
              <caption className="visually-hidden">Notification channels per type</caption>
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">In the portal</th>
                  <th scope="col">Email</th>
                </tr>
              </thead>
              <tbody>
                {types.map((type) => {
                  const current = preferences.data.types[type];
                  const words = TYPE_WORDS[type];
                  return (
                    <tr key={type}>
                      <th scope="row">
                        <span className="notif-switch-label">{words.label}</span>
                        <span className="field-hint">{words.hint}</span>
                      </th>
                      {(['inApp', 'email'] as const).map((channel) => (
                        <td key={channel}>
                          <input
                            type="checkbox"
                            role="switch"
                            aria-checked={current[channel]}
                            className="notif-toggle"
                            checked={current[channel]}
                            disabled={save.isPending}
                            aria-label={`${words.label}: ${channel === 'inApp' ? 'in the portal' : 'by email'}`}
                            onChange={() => toggle(type, current, channel)}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        </div>
      )}
    </>
  );
}

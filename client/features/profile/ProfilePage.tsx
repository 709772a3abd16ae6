import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ME_KEY, useMe } from '../../app/me.tsx';
import { useSignOut } from '../../app/signOut.ts';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { kindLabel, roleDescription, roleLabel, sectionLabel } from '../../lib/format.ts';
import type { Me } from '../../lib/types.ts';

export default function ProfilePage() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <>
      <PageHeader title="Profile" description="How you appear to others in the portal." />
      <div className="stack-l narrow">
        <NameCard me={me} />
        <Card title="Account" id="profile-account">
          <dl className="details">
            <div>
              <dt>Email</dt>
              <dd>{me.user.email}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>
                {roleLabel(me.user.role)}
                <span className="subtle block">{roleDescription(me.user.role)}</span>
              </dd>
            </div>
            <div>
              <dt>Organisation</dt>
              <dd>
                {me.tenant.name}
                <span className="subtle block">{kindLabel(me.tenant.kind)}</span>
              </dd>
            </div>
            {me.user.role === 'client' ? (
              <div>
                <dt>Sections you can use</dt>
                <dd>
                  {me.user.sections.length === 0 ? (
                    <span className="muted">None yet — ask your organisation’s admin.</span>
                  ) : (
                    <span className="row">
                      {me.user.sections.map((section) => (
                        <Badge key={section}>{sectionLabel(section)}</Badge>
                      ))}
                    </span>
                  )}
                </dd>
              </div>
            ) : null}
          </dl>
          <p className="subtle card-footnote">
            To change your email address or role, ask an administrator. Password and two-factor settings are
            on the <Link to="/security">Security</Link> page.
          </p>
        </Card>
        <div className="row">
          <Button icon="logout" onClick={() => signOut.mutate()} pending={signOut.isPending}>
            Sign out
          </Button>
        </div>
      </div>
    </>
  );
}

function NameCard({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(me.user.name);
  const save = useMutation({
    mutationFn: () => api<Me>('PATCH', '/api/me', { name: name.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(ME_KEY, updated);
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      toast('Your name was updated');
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    save.mutate();
  };
  const unchanged = name.trim() === me.user.name;

  return (
    <Card title="Your name" id="profile-name">
      <form className="stack" onSubmit={submit}>
        <div className="row profile-identity">
          <Avatar name={name || me.user.email} size={48} />
          <TextField
            label="Full name"
            name="name"
            autoComplete="name"
            required
            maxLength={120}
            value={name}
            error={errors.name}
            onChange={(event) => setName(event.target.value)}
            className="grow"
          />
        </div>
        <FormError message={save.error && !errors.name ? describeError(save.error) : null} />
        <div className="row">
          <Button type="submit" variant="primary" pending={save.isPending} disabled={unchanged}>
            Save name
          </Button>
        </div>
      </form>
    </Card>
  );
}

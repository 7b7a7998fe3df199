import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/client';
import { UserEditor } from './UserEditor';

type Props = {
  users: User[];
  grantable: Role[];
  organisations: Array<{ id: string; name: string }>;
  selfId: string | undefined;
  onChanged: (message: string) => void;
  onReload: () => void;
};

/** The region's users; a row opens an editor below it for those the reader may manage. */
export function UserTable({ users, grantable, organisations, selfId, onChanged, onReload }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string>();
  return (
    <div className="table-wrap">
      <table className="data-table users-table">
        <caption>{t('users.tableCaption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.name')}</th>
            <th scope="col" className="col-email">
              {t('auth.email')}
            </th>
            <th scope="col">{t('account.role')}</th>
            <th scope="col">{t('users.organisation')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const manageable = user.id !== selfId && (user.role === null || grantable.includes(user.role));
            const open = editing === user.id;
            const editorId = `edit-user-${user.id}`;
            return [
              <tr key={user.id}>
                <th scope="row">
                  {user.name}
                  {user.isDemo ? <span className="badge badge-warn">{t('users.demo')}</span> : null}
                  {/* On narrow screens the e-mail column folds in under the name. */}
                  <span className="inline-email">{user.email}</span>
                </th>
                <td className="col-email break">{user.email}</td>
                <td>{user.role ? t(`roles.${user.role}`) : t('roles.none')}</td>
                <td>{user.organisation?.name ?? '–'}</td>
                <td>
                  {user.disabled ? (
                    <span className="badge badge-off">{t('users.disabled')}</span>
                  ) : (
                    t('users.active')
                  )}
                </td>
                <td>
                  {manageable ? (
                    <button
                      type="button"
                      id={`edit-button-${user.id}`}
                      className="button button-secondary button-small"
                      aria-expanded={open}
                      aria-controls={open ? editorId : undefined}
                      onClick={() => setEditing(open ? undefined : user.id)}
                    >
                      {t('users.edit')}
                      <span className="visually-hidden"> {user.name}</span>
                    </button>
                  ) : null}
                </td>
              </tr>,
              open ? (
                <tr key={`${user.id}-edit`} className="edit-row">
                  <td colSpan={6} id={editorId}>
                    <UserEditor
                      // A new version (after saving or reloading) starts the editor afresh.
                      key={user.version}
                      user={user}
                      grantable={grantable}
                      organisations={organisations}
                      onSaved={(text) => {
                        setEditing(undefined);
                        onChanged(text);
                        // Back to the row's button, so keyboard users keep their place.
                        requestAnimationFrame(() =>
                          document.getElementById(`edit-button-${user.id}`)?.focus(),
                        );
                      }}
                      onReload={onReload}
                    />
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

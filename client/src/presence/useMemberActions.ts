import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts } from '../ui/Toasts.js';
import type { BoardActions } from '../board-base/BoardContext.js';
import { removeMember, setMemberRole } from '../api/serverApi.js';
import { assignGroup } from '../../../shared/src/index.js';
import type { MemberActions } from './MemberRow.js';
import type { Followed } from './useFollow.js';
import { errorText } from '../i18n/errorText.js';

/** What the participants panel can do: follow anyone; facilitators also regroup, change roles, remove. */
export function useMemberActions(
  boardId: string, session: string, run: BoardActions['run'], follow: (f: Followed) => void,
): MemberActions {
  const { t } = useTranslation();
  const toasts = useToasts();
  return useMemo<MemberActions>(() => {
    const fail = (err: unknown) =>
      toasts.show(t('people.failed', { message: errorText(t, err) }), 'error');
    return {
      onFollow: (p) => follow({ id: p.id, name: p.name }),
      onGroup: (p, segmentId) => run((d, o) => assignGroup(d, p.id, segmentId, o)),
      onRole: (p, role) => {
        setMemberRole(boardId, session, p.id, role).then(
          () => toasts.show(t('people.roleSet', { name: p.name, role: t(`roles.${role}`) }), 'info'),
          fail,
        );
      },
      onRemove: (p) => {
        if (!window.confirm(t('people.confirmRemove', { name: p.name }))) return;
        removeMember(boardId, session, p.id).then(
          () => toasts.show(t('people.removed', { name: p.name }), 'info'),
          fail,
        );
      },
    };
  }, [boardId, session, run, follow, t, toasts]);
}

/** Magic links and invitations: what other modules may use. */
export { type InvitationInput, sendInvitation } from './invitation.ts';
export { magicLinkRoutes } from './routes.ts';

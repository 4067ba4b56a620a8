import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import SignIn from './views/SignIn.vue';
import { endSession, session, signedIn } from './lib/session';

// The sign-in page is the first route and ships in the entry chunk; every other page is its own chunk.
const routes: RouteRecordRaw[] = [
  { path: '/signin', name: 'signin', component: SignIn, meta: { public: true } },
  // where the OIDC provider sends the browser back after its login page (the realm's redirect URIs allow it)
  { path: '/signin/callback', name: 'signin-callback', component: () => import('./views/SignInCallback.vue'), meta: { public: true } },
  { path: '/', name: 'home', component: () => import('./views/HomePage.vue') },
  { path: '/units/:id', name: 'unit', component: () => import('./views/UnitPage.vue'), props: true },
  { path: '/topics', name: 'topics', component: () => import('./views/TopicsBoard.vue') },
  { path: '/topics/:id', name: 'topic', component: () => import('./views/TopicPage.vue'), props: true },
  { path: '/volunteering', name: 'volunteering', component: () => import('./views/VolunteeringPage.vue') },
  { path: '/activities/:id', name: 'activity', component: () => import('./views/ActivityPage.vue'), props: true },
  { path: '/volunteers/:id', name: 'volunteer', component: () => import('./views/VolunteerPage.vue'), props: true },
  { path: '/community', name: 'community', component: () => import('./views/MyCommunityPage.vue') },
  { path: '/resolutions/:id', name: 'resolution', component: () => import('./views/ResolutionPage.vue'), props: true },
  { path: '/disclosures/:compoundId', name: 'disclosures', component: () => import('./views/DisclosuresPage.vue'), props: true },
  { path: '/members', name: 'members', component: () => import('./views/MembersPage.vue') },
  { path: '/members/:id', name: 'member', component: () => import('./views/MemberPage.vue'), props: true },
  { path: '/education', name: 'education', component: () => import('./views/EducationPage.vue') },
  { path: '/dues', name: 'dues', component: () => import('./views/DuesPage.vue') },
  { path: '/meetings/:id', name: 'meeting', component: () => import('./views/MeetingPage.vue'), props: true },
  { path: '/votes/:id', name: 'vote', component: () => import('./views/VotePage.vue'), props: true },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundPage.vue'), meta: { public: true } },
];

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach((to) => {
  if (to.meta.public || signedIn.value) return true;
  // a session that ran out while the tab was away: say so, and come back here after signing in
  const expired = session.value !== null;
  if (expired) endSession();
  return { name: 'signin', query: expired ? { next: to.fullPath, expired: '1' } : { next: to.fullPath } };
});

import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { onSessionExpired } from './api/client';
import { endSession, session } from './lib/session';
import { renewIfDue } from './lib/oidcSession';
import './styles.css';

/** The token ran out (or the API refused it): back to sign-in, keeping the page to return to and its drafts. */
function expire(): void {
  if (!session.value) return;
  endSession();
  const current = router.currentRoute.value;
  if (current.name !== 'signin') {
    void router.replace({ name: 'signin', query: { next: current.fullPath, expired: '1' } });
  }
}

onSessionExpired(expire);
setInterval(() => {
  if (session.value && session.value.expiresAt <= Date.now()) expire();
  else void renewIfDue();
}, 15_000);

createApp(App).use(router).mount('#app');

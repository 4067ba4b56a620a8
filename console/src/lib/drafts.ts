import { ref, watch, type Ref } from 'vue';

const PREFIX = 'console.draft:';

/**
 * A form field whose text survives a sign-in: it is written to this tab's sessionStorage as it is typed, so an
 * expired session that sends the user to the sign-in page and back finds it again. Cleared once submitted.
 */
export function useDraft<T>(key: string, initial: T): { value: Ref<T>; clear: () => void } {
  const storageKey = PREFIX + key;
  let start = initial;
  const saved = sessionStorage.getItem(storageKey);
  if (saved !== null) {
    try {
      start = JSON.parse(saved) as T;
    } catch {
      sessionStorage.removeItem(storageKey);
    }
  }
  const value = ref(start) as Ref<T>;
  watch(value, (v) => sessionStorage.setItem(storageKey, JSON.stringify(v)), { deep: true });
  return {
    value,
    clear: () => {
      sessionStorage.removeItem(storageKey);
      value.value = initial;
      // the watcher writes the initial value back; remove it after that write
      queueMicrotask(() => sessionStorage.removeItem(storageKey));
    },
  };
}

/** Signing out on purpose forgets every draft: the next person at this screen must not see them. */
export function forgetDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}

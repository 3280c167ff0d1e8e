/** Short-lived UI state that is not worth a URL: the last import's status message. */
import { create } from 'zustand';

interface UiState {
  /** Announced politely to screen readers (aria-live) after imports and exports. */
  status: string;
  setStatus: (status: string) => void;
}

export const useUiStore = create<UiState>((set) => ({
  status: '',
  setStatus: (status) => set({ status }),
}));

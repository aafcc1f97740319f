/**
 * The collective's profile as the settings screen edits it: a draft of strings ('' for empty) turned back into
 * the core's `Profile` (empty optional fields sent as null), its loading and its logos. One instance is shared by
 * the profile form and the logos section, which edit the same stored profile.
 */
import { t } from '../../lib/i18n.svelte';
import { showError, showSuccess } from '../../lib/toasts.svelte';
import { Busy } from '../../lib/busy.svelte';
import * as api from '../../lib/generated/commands';
import type { Profile } from '../../lib/generated/index';
import { uid } from '../../lib/uid';

export interface MemberDraft {
  key: string;
  name: string;
  city: string;
  description_fr: string;
  description_en: string;
}
export interface ContactDraft {
  key: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}
export interface ProfileDraft {
  name: string;
  members: MemberDraft[];
  signatory_name: string;
  signatory_title: string;
  website: string;
  campaign_url: string;
  contacts: ContactDraft[];
  cities: string;
  address: string;
  logo_ids: string[];
}

const text = (v: string | null | undefined): string => v ?? '';
const opt = (v: string): string | null => (v.trim() === '' ? null : v.trim());

export function toDraft(p: Profile | null): ProfileDraft {
  return {
    name: text(p?.name),
    members: (p?.members ?? []).map((m) => ({
      key: uid('member'),
      name: m.name,
      city: text(m.city),
      description_fr: text(m.description_fr),
      description_en: text(m.description_en),
    })),
    signatory_name: text(p?.signatory?.name),
    signatory_title: text(p?.signatory?.title),
    website: text(p?.website),
    campaign_url: text(p?.campaign_url),
    contacts: (p?.contacts ?? []).map((c) => ({
      key: uid('contact'),
      name: c.name,
      role: text(c.role),
      email: text(c.email),
      phone: text(c.phone),
    })),
    cities: (p?.cities ?? []).join(', '),
    address: text(p?.address),
    logo_ids: [...(p?.logo_ids ?? [])],
  };
}

/** The draft as the core's `Profile`: empty optional fields are sent as null. */
export function toProfile(d: ProfileDraft): Profile {
  const signatory =
    d.signatory_name.trim() === '' && d.signatory_title.trim() === ''
      ? null
      : { name: d.signatory_name.trim(), title: opt(d.signatory_title) };
  return {
    name: d.name.trim(),
    members: d.members.map((m) => ({
      name: m.name.trim(),
      city: opt(m.city),
      description_fr: opt(m.description_fr),
      description_en: opt(m.description_en),
    })),
    signatory,
    logo_ids: [...d.logo_ids],
    website: opt(d.website),
    campaign_url: opt(d.campaign_url),
    contacts: d.contacts.map((c) => ({ name: c.name.trim(), role: opt(c.role), email: opt(c.email), phone: opt(c.phone) })),
    cities: d.cities
      .split(/[,\n;]/)
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    address: opt(d.address),
  };
}

export class ProfileEditor {
  /** Loading the stored profile (starts at once: the screen loads it on mount). */
  readonly loading = new Busy(true);
  readonly saving = new Busy();
  /** Whether a profile is stored (logos can only be added to a saved profile). */
  stored = $state(false);
  draft = $state<ProfileDraft>(toDraft(null));
  importingLogo = $state(false);

  /** Whether the form shows its fields (loaded without error). */
  get ready(): boolean {
    return !this.loading.busy && !this.loading.error;
  }

  async load(): Promise<void> {
    await this.loading.run(async () => {
      const stored = await api.profileGet();
      this.stored = stored !== null;
      this.draft = toDraft(stored);
    });
  }

  async save(): Promise<void> {
    await this.saving.run(async () => {
      await api.profileSave(toProfile(this.draft));
      this.stored = true;
      showSuccess(t('settings-profile-saved'));
    });
  }

  addMember(): void {
    this.draft.members.push({ key: uid('member'), name: '', city: '', description_fr: '', description_en: '' });
  }
  removeMember(key: string): void {
    this.draft.members = this.draft.members.filter((m) => m.key !== key);
  }
  addContact(): void {
    this.draft.contacts.push({ key: uid('contact'), name: '', role: '', email: '', phone: '' });
  }
  removeContact(key: string): void {
    this.draft.contacts = this.draft.contacts.filter((c) => c.key !== key);
  }

  /** Errors go to a toast: the logos section has no form to show them next to. */
  async importLogo(): Promise<void> {
    this.importingLogo = true;
    try {
      const logo = await api.profileLogoImport();
      if (logo !== null) {
        // The core added it to the stored profile; keep the draft in step so that saving does not drop it.
        if (!this.draft.logo_ids.includes(logo)) this.draft.logo_ids.push(logo);
        showSuccess(t('settings-logo-added'));
      }
    } catch (e) {
      showError(e);
    } finally {
      this.importingLogo = false;
    }
  }

  removeLogo(logo: string): void {
    this.draft.logo_ids = this.draft.logo_ids.filter((l) => l !== logo);
  }

  moveLogo(index: number, delta: number): void {
    const j = index + delta;
    if (j < 0 || j >= this.draft.logo_ids.length) return;
    const ids = [...this.draft.logo_ids];
    [ids[index], ids[j]] = [ids[j], ids[index]];
    this.draft.logo_ids = ids;
  }
}

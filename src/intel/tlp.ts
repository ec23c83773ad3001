/** TLP 2.0 levels (FIRST, Traffic Light Protocol 2.0, 2022). */
export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** The STIX extension that carries TLP 2.0 (OASIS cti-stix-common-objects, extension-definition-specifications/tlp-2.0). */
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The standard, fixed ids of the TLP 2.0 marking-definition objects published by OASIS. */
export const TLP2_IDS: Record<TlpLevel, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The TLP 1.0 ids of STIX 2.1 §7.2.1.4, recognised on import. */
export const TLP1_IDS: Record<string, string> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'white',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

/** The standard TLP 2.0 marking-definition object for a level, as OASIS publishes it. */
export function tlpMarking(level: TlpLevel): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

/** The TLP level a marking id names (2.0 or 1.0), if any. */
export function tlpOf(markingId: string): string | undefined {
  const v2 = (Object.entries(TLP2_IDS) as Array<[TlpLevel, string]>).find(
    ([, id]) => id === markingId,
  );
  // Own properties only: "__proto__" or "constructor" is not a TLP level (issue 14).
  return v2 ? v2[0] : Object.hasOwn(TLP1_IDS, markingId) ? TLP1_IDS[markingId] : undefined;
}

export const MESSAGE_ID_DOMAIN = 'assistance-1540';

/**
 * The Message-ID of a delivery: derived from its id, so every attempt to send it carries the same one and a
 * receiving store that de-duplicates by Message-ID keeps one copy (see docs/notifications.md).
 */
export function deliveryMessageId(deliveryId: string): string {
  return `<${deliveryId}@${MESSAGE_ID_DOMAIN}>`;
}

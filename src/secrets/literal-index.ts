/**
 * Finds many literal strings (secret values) in a text in one pass, however many there are: a
 * key of the last 4 characters is checked against a byte filter, and only on a hit are the
 * literals of its slot (those whose first 4 characters hash there) compared. Linear in the text;
 * adding or removing a literal costs O(its length). Literals are at least 4 characters long.
 *
 * The literals are chained in a flat table of slots rather than kept in a Map of arrays: a passcode
 * is added at every create and the oldest removed, and each Map lookup, array and entry was one
 * more cache miss (the scrubber was most of the Meet client's cost over bare HTTP in
 * `npm run bench -- meet-client`).
 */

export const minLiteralLength = 4;

const filterBits = 16;

interface Entry {
  text: string;
  /** Matches only where it is not part of a longer run of letters and digits. */
  wholeWord: boolean;
  /** How many times it was added and not yet removed. */
  times: number;
  /** The next literal of the same slot: longest first, and the first added first among equals. */
  next: Entry | undefined;
}

export interface LiteralIndex {
  add(text: string, wholeWord: boolean): void;
  remove(text: string, wholeWord: boolean): void;
  /** How many literals it holds. */
  size(): number;
  /** Calls `found(start, end)` for the longest literal at each start where one matches, in order of start. */
  find(text: string, from: number, found: (start: number, end: number) => void): void;
}

/** 7 bits of a UTF-16 unit: exact for ASCII, a hash beyond (a collision only costs a comparison). */
function fold(unit: number): number {
  return unit < 128 ? unit : (unit ^ (unit >>> 7) ^ (unit >>> 14)) & 0x7f;
}

function keyAt(text: string, at: number): number {
  let key = 0;
  for (let i = at; i < at + minLiteralLength; i++) key = ((key << 7) | fold(text.charCodeAt(i))) & 0xfffffff;
  return key;
}

function slotOf(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - filterBits);
}

function isWordUnit(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
}

function standsAlone(text: string, start: number, end: number): boolean {
  return (
    !(start > 0 && isWordUnit(text.charCodeAt(start - 1))) && !(end < text.length && isWordUnit(text.charCodeAt(end)))
  );
}

export function createLiteralIndex(): LiteralIndex {
  // How many literals hash to each slot (255 sticks: never cleared, which is only slower). The scan
  // reads this small table at every character, and the slots only on a hit.
  const filter = new Uint8Array(1 << filterBits);
  const slots: Array<Entry | undefined> = new Array<Entry | undefined>(1 << filterBits).fill(undefined);
  let size = 0;

  function entryOf(slot: number, text: string, wholeWord: boolean): Entry | undefined {
    for (let e = slots[slot]; e !== undefined; e = e.next) if (e.text === text && e.wholeWord === wholeWord) return e;
    return undefined;
  }

  return {
    add(text, wholeWord) {
      if (text.length < minLiteralLength) return;
      const slot = slotOf(keyAt(text, 0));
      const held = entryOf(slot, text, wholeWord);
      if (held) {
        held.times += 1;
        return;
      }
      // After the longer and the equally long ones.
      let before: Entry | undefined;
      let after = slots[slot];
      while (after !== undefined && after.text.length >= text.length) {
        before = after;
        after = after.next;
      }
      const entry: Entry = { text, wholeWord, times: 1, next: after };
      if (before) before.next = entry;
      else slots[slot] = entry;
      size += 1;
      if (filter[slot] < 255) filter[slot] += 1;
    },

    remove(text, wholeWord) {
      if (text.length < minLiteralLength) return;
      const slot = slotOf(keyAt(text, 0));
      let before: Entry | undefined;
      let e = slots[slot];
      while (e !== undefined && !(e.text === text && e.wholeWord === wholeWord)) {
        before = e;
        e = e.next;
      }
      if (e === undefined) return;
      e.times -= 1;
      if (e.times > 0) return;
      if (before) before.next = e.next;
      else slots[slot] = e.next;
      size -= 1;
      if (filter[slot] < 255) filter[slot] -= 1;
    },

    size: () => size,

    find(text, from, found) {
      if (size === 0) return;
      let key = 0;
      for (let i = from; i < text.length; i++) {
        key = ((key << 7) | fold(text.charCodeAt(i))) & 0xfffffff;
        if (i < from + minLiteralLength - 1) continue;
        const slot = slotOf(key);
        if (filter[slot] === 0) continue;
        const start = i - (minLiteralLength - 1);
        // Literals of other keys share the slot now and then: they simply do not match here.
        for (let e = slots[slot]; e !== undefined; e = e.next) {
          const end = start + e.text.length;
          if (text.startsWith(e.text, start) && (!e.wholeWord || standsAlone(text, start, end))) {
            found(start, end);
            break;
          }
        }
      }
    },
  };
}

/**
 * The registry of people and places a corpus may carry (JSON, `schemas/registry.schema.json`): parsing and
 * validation of its text with positions for every entry (go to definition lands there), and the starter registry
 * written from what the corpus taught. Pure: the hosts read and write the file.
 */
import Ajv from 'ajv';
import { findNodeAtLocation, Node, parse, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import schema from '../../../../schemas/registry.schema.json';
import { normalizeForMatch } from '../text/normalize';

export interface RegistryPerson {
  id?: string;
  name: string;
  variants?: string[];
  roles?: string[];
  description?: string;
  links?: string[];
}

export interface RegistryPlace {
  id?: string;
  name: string;
  variants?: string[];
  description?: string;
  links?: string[];
}

export interface Registry {
  version: 1;
  people: RegistryPerson[];
  places: RegistryPlace[];
}

/** Where an entry of the registry is written: offsets of its object in the registry text. */
export interface RegistrySpan {
  start: number;
  end: number;
  /** Offsets of the `name` value. */
  nameStart: number;
  nameEnd: number;
}

export interface RegistryError {
  message: string;
  offset: number;
  length: number;
}

export interface ParsedRegistry {
  /** Null when the text is not a valid registry. */
  registry: Registry | null;
  /** Spans of `people[i]` and `places[i]`. */
  spans: { people: RegistrySpan[]; places: RegistrySpan[] };
  errors: RegistryError[];
}

let validator: ReturnType<Ajv['compile']> | null = null;

/** Parses and validates a registry's text (JSON with comments allowed). Never throws. */
export function parseRegistryText(text: string): ParsedRegistry {
  const empty = { people: [], places: [] };
  const syntax: ParseError[] = [];
  const value = parse(text, syntax, { allowTrailingComma: true, disallowComments: false });
  if (syntax.length) {
    return {
      registry: null,
      spans: empty,
      errors: syntax.map((e) => ({ message: `JSON syntax error: ${printParseErrorCode(e.error)}`, offset: e.offset, length: e.length })),
    };
  }
  if (!validator) validator = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!validator(value)) {
    return {
      registry: null,
      spans: empty,
      errors: (validator.errors ?? []).map((e) => ({
        message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${
          e.params && 'additionalProperty' in e.params ? `: «${String(e.params.additionalProperty)}»` : ''
        }`,
        ...locate(tree, e.instancePath),
      })),
    };
  }
  const v = value as Partial<Registry>;
  const registry: Registry = { version: 1, people: v.people ?? [], places: v.places ?? [] };
  const errors: RegistryError[] = [];
  // Ids are unique across people and places: references name them.
  const seen = new Set<string>();
  for (const kind of ['people', 'places'] as const) {
    registry[kind].forEach((p, i) => {
      if (!p.id) return;
      if (seen.has(p.id)) errors.push({ message: `/${kind}/${i}/id «${p.id}» is used twice`, ...locate(tree, `/${kind}/${i}/id`) });
      seen.add(p.id);
    });
  }
  if (errors.length) return { registry: null, spans: empty, errors };
  return {
    registry,
    spans: {
      people: registry.people.map((_, i) => spanOf(tree, 'people', i)),
      places: registry.places.map((_, i) => spanOf(tree, 'places', i)),
    },
    errors: [],
  };
}

function spanOf(tree: Node | undefined, kind: string, i: number): RegistrySpan {
  const node = tree && findNodeAtLocation(tree, [kind, i]);
  const name = tree && findNodeAtLocation(tree, [kind, i, 'name']);
  const start = node?.offset ?? 0;
  const end = node ? node.offset + node.length : 0;
  return { start, end, nameStart: name ? name.offset + 1 : start, nameEnd: name ? name.offset + name.length - 1 : start };
}

function locate(tree: Node | undefined, pointer: string): { offset: number; length: number } {
  const path = pointer
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  for (let n = path.length; n >= 0 && tree; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) {
      // A property's value: point at its key when there is one.
      const target = node.parent?.type === 'property' ? node.parent : node;
      return { offset: target.offset, length: Math.min(target.length, 200) };
    }
  }
  return { offset: 0, length: 0 };
}

/** A registry as text: two-space JSON with a trailing newline, people and places in the order given. */
export function registryText(registry: Registry): string {
  return JSON.stringify(registry, null, 2) + '\n';
}

/** What a starter registry needs from the people index (a snapshot satisfies it). */
export interface RegistryTeacher {
  people: readonly LearnedEntity[];
  places: readonly LearnedEntity[];
}

interface LearnedEntity {
  id: string;
  name: string;
  variants: { spelling: string; count: number }[];
  roles?: string[];
  mentions: number;
}

export interface StarterOptions {
  /** People and places mentioned fewer times are left out (default 3). */
  minMentions?: number;
  /** A registry already written: its entries are kept as they are, learned ones are added after them. */
  existing?: Registry | null;
}

/**
 * A starter registry from what the corpus taught, for an editor to curate: the people and places mentioned at least
 * `minMentions` times, with their corpus ids (so references keep working once it is in use), the majority spelling as
 * the name, the other spellings as variants and the roles seen most. Entries of an existing registry win.
 */
export function starterRegistry(teacher: RegistryTeacher, options: StarterOptions = {}): Registry {
  const min = options.minMentions ?? 3;
  const existing = options.existing ?? { version: 1 as const, people: [], places: [] };
  const known = new Set<string>();
  const knownIds = new Set<string>();
  for (const e of [...existing.people, ...existing.places]) {
    if (e.id) knownIds.add(e.id);
    for (const s of [e.name, ...(e.variants ?? [])]) known.add(normalizeForMatch(s));
  }
  const learned = (list: readonly LearnedEntity[], withRoles: boolean) =>
    list
      .filter((e) => e.mentions >= min && !knownIds.has(e.id) && !known.has(normalizeForMatch(e.name)))
      .map((e) => {
        const entry: RegistryPerson = { id: e.id, name: e.name };
        const variants = e.variants.map((v) => v.spelling).filter((v) => v !== e.name);
        if (variants.length) entry.variants = variants;
        if (withRoles && e.roles?.length) entry.roles = e.roles.slice(0, 3);
        entry.description = '';
        entry.links = [];
        return entry;
      });
  return {
    version: 1,
    people: [...existing.people, ...learned(teacher.people, true)],
    places: [...existing.places, ...learned(teacher.places, false).map(({ roles: _roles, ...p }) => p)],
  };
}

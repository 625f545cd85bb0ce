/**
 * Just enough of CloudFormation's intrinsic functions to turn a synthesized `DefinitionString`
 * into the definition itself: `Fn::Join`, `Ref` and `Fn::GetAtt`, with every reference mapped to
 * a local value. An intrinsic it does not know, or a reference it was not given, is an error: the
 * local definition must be exactly the synthesized one.
 */
export interface LocalReferences {
  /** `Ref` targets: pseudo parameters (`AWS::Partition`…) and logical ids. */
  refs: Record<string, string>;
  /** `Fn::GetAtt` targets as `LogicalId.Attribute`. */
  attributes: Record<string, string>;
}

export function resolveIntrinsics(value: unknown, refs: LocalReferences): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, refs));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first && first[0].startsWith('Fn::'))
    return intrinsic(first[0], first[1], refs);
  if (entries.length === 1 && first && first[0] === 'Ref') return lookup(refs.refs, String(first[1]), 'Ref');
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveIntrinsics(v, refs)]));
}

function intrinsic(name: string, args: unknown, refs: LocalReferences): unknown {
  switch (name) {
    case 'Fn::Join': {
      const [sep, parts] = args as [string, unknown[]];
      return parts.map((p) => String(resolveIntrinsics(p, refs))).join(sep);
    }
    case 'Fn::GetAtt': {
      const [id, attribute] = args as [string, string];
      return lookup(refs.attributes, `${id}.${attribute}`, 'Fn::GetAtt');
    }
    default:
      throw new Error(`the local definition cannot resolve ${name}`);
  }
}

function lookup(table: Record<string, string>, key: string, what: string): string {
  const v = table[key];
  if (v === undefined) throw new Error(`the local definition has no value for ${what} ${key}`);
  return v;
}

import { type SQL, sql } from 'drizzle-orm';

/**
 * The duplicate finder's rules, as SQL over every active profile the caller may see.
 * Identical identifiers cannot sit on two profiles (unique index), so the rules look for
 * the same person entered twice in other ways:
 *
 * | code                  | pair when                                                           | score      |
 * |-----------------------|---------------------------------------------------------------------|------------|
 * | same_tax_id           | same 13-digit tax id                                                | 95         |
 * | phone_as_other_id     | a LINE/Facebook/POS/external id equals the other's phone number     | 90         |
 * | same_name_birthday    | same normalised name and same birthday                              | 90         |
 * | same_name_address     | same normalised name and same address line                          | 85         |
 * | same_name_company     | same normalised name, both linked to one company                    | 85         |
 * | same_name_area        | same normalised name, same postcode and district                    | 75         |
 * | email_local           | same email name (before @) at another domain, names ≥ 30% similar   | 40 + 50·s  |
 * | similar_name_phone4   | names ≥ 45% similar (trigrams), same last 4 phone digits            | 35 + 50·s  |
 * | similar_name_postcode | names ≥ 45% similar, same postcode and same first two letters      | 30 + 50·s  |
 * | similar_name_province | names ≥ 60% similar, same province and same first two letters      | 25 + 50·s  |
 *
 * A pair's score is its best rule's plus 5 per further rule, at most 100.
 * Normalised name: titles stripped (นาย, นาง, นางสาว, น.ส., คุณ, ด.ช., ด.ญ., เด็กชาย,
 * เด็กหญิง, Mr, Mrs, Ms, Miss, Dr), whitespace, zero-width characters, dots and hyphens
 * removed, Latin lower-cased with accents folded; compared across the display name, the
 * Thai names and the English names. Candidates come from equi-joins on blocking keys
 * (name+birthday, name+address, phone last 4, postcode+name prefix, …), never from all
 * pairs; blocks of more than 200 profiles (e.g. a shared "info@" mailbox) are skipped.
 */

const ACCENTED = 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįòóôõöøōŏőùúûüũūŭůűųýÿçćĉċčďđñńņňśŝşšţťŧźżžğĝġģĥĵķĺļľł';
const FOLDED = [...ACCENTED]
  .map((c) => {
    const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return base.length === 1 ? base : c === 'ø' ? 'o' : c === 'đ' ? 'd' : c === 'ł' ? 'l' : c === 'ħ' ? 'h' : c;
  })
  .join('');

/** A Thai title is followed by a consonant, a leading vowel or a space, never by a vowel sign of the name. */
const TITLE =
  '^(นางสาว|นาง|นาย|น\\.ส\\.|ด\\.ช\\.|ด\\.ญ\\.|เด็กชาย|เด็กหญิง|คุณ)(?=[\\s\\u0E01-\\u0E2E\\u0E40-\\u0E44])' +
  '|^(mrs|mr|ms|miss|dr)(\\.|\\s)+';

/**
 * The normalised form of a name as SQL. Migration 0004 stores it, for the display name and
 * for the Thai and English first+last names, in customers.dedupe_name, dedupe_name_th and
 * dedupe_name_en (generated columns, so every writer keeps them right); the finder reads
 * those. This expression is the reference the migration was written from, and a test checks
 * that the stored keys equal it.
 */
export function normalisedName(expr: SQL): SQL {
  const trimmed = sql`regexp_replace(coalesce(${expr}, ''), '^[\\s\\u200B-\\u200D\\uFEFF]+', '')`;
  const untitled = sql`regexp_replace(lower(${trimmed}), ${TITLE}, '')`;
  const compact = sql`regexp_replace(${untitled}, '[\\s\\u200B-\\u200D\\uFEFF.\\-''’]+', '', 'g')`;
  return sql`translate(${compact}, ${ACCENTED}, ${FOLDED})`;
}

const c = (name: string) => sql.raw(`customers.${name}`);

const lastFour = (value: SQL) => sql`right(regexp_replace(${value}, '\D', '', 'g'), 4)`;
const emailName = (value: SQL) => sql`split_part(split_part(${value}, '@', 1), '+', 1)`;

/**
 * CTEs ending in `related`: the focus profile and every profile that shares a blocking key
 * with it — a name key, the tax id, postcode or province with the name's first two
 * letters, the last four digits of any phone or phone-like id, or an email name. Every
 * rule pairs profiles only through one of these keys, so the rules run over `related`
 * alone give the focus profile's pairs exactly (and each of its blocks whole, so the
 * block-size limit is judged the same), in one pass over customers and one over
 * customer_identities instead of every profile's blocks.
 */
function focusRelated(focusId: string): SQL {
  const focus = sql`${focusId}::uuid`;
  return sql`
    focus_row as materialized (
      select ${c('dedupe_name')} as n, ${c('dedupe_name_th')} as n_th, ${c('dedupe_name_en')} as n_en,
             ${c('dedupe_tax_id')} as tax_id, ${c('postcode')} as postcode, ${c('province')} as province,
             ${c('phone')} as phone, ${c('email')} as email, ${c('line_id')} as line_id
        from customers where ${c('id')} = ${focus}
    ),
    focus_keys as materialized (
      select array(select k from focus_row, unnest(array[n, n_th, n_en]) k where length(k) >= 3) as names,
             array(select ${lastFour(sql`v`)} from (
               select phone as v from focus_row union all select line_id from focus_row
               union all select value from customer_identities where customer_id = ${focus} and kind <> 'email'
             ) x where length(${lastFour(sql`v`)}) = 4) as fours,
             array(select ${emailName(sql`v`)} from (
               select email as v from focus_row
               union all select value from customer_identities where customer_id = ${focus} and kind = 'email'
             ) x where v is not null) as emails
    ),
    related as materialized (
      select ${c('id')} as id from customers, focus_row f, focus_keys k
       where ${c('id')} = ${focus}
          or ${c('dedupe_name')} = any(k.names) or ${c('dedupe_name_th')} = any(k.names)
          or ${c('dedupe_name_en')} = any(k.names)
          or (length(f.tax_id) = 13 and ${c('dedupe_tax_id')} = f.tax_id)
          or (length(f.n) >= 3 and left(${c('dedupe_name')}, 2) = left(f.n, 2)
              and (${c('postcode')} = f.postcode or ${c('province')} = f.province))
          or ${lastFour(c('phone'))} = any(k.fours) or ${lastFour(c('line_id'))} = any(k.fours)
          or ${emailName(c('email'))} = any(k.emails)
      union
      select i.customer_id from customer_identities i, focus_keys k
       where (i.kind <> 'email' and ${lastFour(sql`i.value`)} = any(k.fours))
          or (i.kind = 'email' and ${emailName(sql`i.value`)} = any(k.emails))
    )`;
}

/**
 * Candidate pairs (a < b) with rule codes, scores and similarity. `visible` limits the
 * profiles (record visibility); `focusId` limits pairs to one profile's.
 */
export function candidatePairs(visible: SQL | undefined, focusId: string | null): SQL {
  const focus = sql`${focusId}::uuid`;
  const both = sql`(${focus} is not null or f.id < o.id)`;
  const pair = sql`least(f.id, o.id) as a, greatest(f.id, o.id) as b`;
  const nameJoin = (on: SQL, code: string, score: number) => sql`
    select ${pair}, ${code} as code, ${score}::float8 as score, 1::float8 as sim
      from names f join names o on o.key = f.key and o.id <> f.id and ${on} and ${both}
     where (${focus} is null or f.id = ${focus})`;
  const simBlock = (code: string, minSim: number, base: number) => sql`
    select ${pair}, ${code} as code, ${base} + 50 * similarity(fc.n, oc.n) as score, similarity(fc.n, oc.n) as sim
      from blocks f join blocks o on o.kind = f.kind and o.bkey = f.bkey and o.id <> f.id and ${both}
      join cand fc on fc.id = f.id join cand oc on oc.id = o.id
     where f.kind = ${code} and (${focus} is null or f.id = ${focus}) and similarity(fc.n, oc.n) >= ${minSim}`;
  return sql`
    with ${focusId ? sql`${focusRelated(focusId)},` : sql``} cand as materialized (
      -- Stored keys (migration 0004): n is the normalised display name, n_th and n_en the
      -- normalised Thai and English first+last names ('' when there are none).
      select ${c('id')} as id, ${c('dedupe_name')} as n, ${c('dedupe_name_th')} as n_th,
             ${c('dedupe_name_en')} as n_en, ${c('birthday')} as birthday, ${c('postcode')} as postcode,
             ${c('district')} as district, ${c('province')} as province, ${c('dedupe_tax_id')} as tax_id,
             ${c('dedupe_addr')} as addr, ${c('email')} as email, ${c('phone')} as phone, ${c('line_id')} as line_id
        from customers
       where ${c('status')} = 'active' ${visible ? sql`and ${visible}` : sql``}
         ${focusId ? sql`and ${c('id')} in (select id from related)` : sql``}
    ),
    names as materialized (
      select distinct k.id, k.key, k.birthday, k.postcode, k.district, k.addr
        from (select id, unnest(array[n, n_th, n_en]) as key, birthday, postcode, district, addr from cand) k
       where length(k.key) >= 3
    ),
    phones as (
      select id, phone as value from cand where phone is not null
      union select i.customer_id, i.value from customer_identities i join cand on cand.id = i.customer_id
       where i.kind = 'phone'
    ),
    emails as (
      select id, email as value from cand where email is not null
      union select i.customer_id, i.value from customer_identities i join cand on cand.id = i.customer_id
       where i.kind = 'email'
    ),
    raw_blocks as (
      select id, 'similar_name_phone4' as kind, right(regexp_replace(value, '\\D', '', 'g'), 4) as bkey from phones
      union
      select id, 'email_local', split_part(split_part(value, '@', 1), '+', 1) from emails
       where length(split_part(split_part(value, '@', 1), '+', 1)) >= 4
         and split_part(value, '@', 1) not in ('info', 'sales', 'admin', 'contact', 'support', 'hello', 'office', 'service', 'noreply')
      union
      select id, 'similar_name_postcode', postcode || ':' || left(n, 2) from cand where postcode is not null and length(n) >= 3
      union
      select id, 'similar_name_province', province || ':' || left(n, 2) from cand where province is not null and length(n) >= 3
    ),
    blocks as materialized (
      select id, kind, bkey from (
        select id, kind, bkey, count(*) over (partition by kind, bkey) as size from raw_blocks where bkey <> ''
      ) s where size between 2 and 200
    ),
    other_ids as (
      select i.customer_id as id, regexp_replace(i.value, '\\D', '', 'g') as digits
        from customer_identities i join cand on cand.id = i.customer_id
       where i.kind not in ('email', 'phone') and i.value ~ '^\\+?[0-9][0-9 \\-]{7,15}$'
      union select id, regexp_replace(line_id, '\\D', '', 'g') from cand where line_id ~ '^\\+?[0-9][0-9 \\-]{7,15}$'
    ),
    national as (
      select id, case when digits like '66%' and length(digits) = 11 then '0' || substr(digits, 3) else digits end as digits
        from other_ids
    ),
    pairs as (
      ${nameJoin(sql`o.birthday = f.birthday`, 'same_name_birthday', 90)}
      union all ${nameJoin(sql`o.addr = f.addr and length(f.addr) >= 6`, 'same_name_address', 85)}
      union all ${nameJoin(sql`o.postcode = f.postcode and o.district = f.district`, 'same_name_area', 75)}
      union all
      select ${pair}, 'same_name_company', 85, 1
        from names f join company_contacts cf on cf.person_id = f.id
        join company_contacts co on co.company_id = cf.company_id and co.person_id <> f.id
        join names o on o.id = co.person_id and o.key = f.key and ${both}
       where (${focus} is null or f.id = ${focus})
      union all
      select ${pair}, 'same_tax_id', 95, 1
        from cand f join cand o on o.tax_id = f.tax_id and o.id <> f.id and ${both}
       where length(f.tax_id) = 13 and (${focus} is null or f.id = ${focus})
      union all
      select ${pair}, 'phone_as_other_id', 90, 1
        from (select x.id as fid, p.id as oid from national x
                join phones p on '0' || substr(regexp_replace(p.value, '\\D', '', 'g'), 3) = x.digits
                 and p.value like '+66%' and p.id <> x.id) m
        join cand f on f.id = m.fid join cand o on o.id = m.oid
       where (${focus} is null or f.id = ${focus} or o.id = ${focus})
      union all ${simBlock('email_local', 0.3, 40)}
      union all ${simBlock('similar_name_phone4', 0.45, 35)}
      union all ${simBlock('similar_name_postcode', 0.45, 30)}
      union all ${simBlock('similar_name_province', 0.6, 25)}
    )
    select p.a::text as a, p.b::text as b,
           least(100, round(max(p.score) + 5 * (count(distinct p.code) - 1)))::int as score,
           array_agg(distinct p.code order by p.code) as codes,
           max(p.sim)::float8 as sim
      from pairs p
     where not exists (select 1 from duplicate_dismissals d where d.customer_a = p.a and d.customer_b = p.b)
     group by p.a, p.b`;
}

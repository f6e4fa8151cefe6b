// A year of orders for the back-office bench, made by set-based SQL: every store's slots over a
// year (the real calendar), shoppers, store agents, and N orders spread over the slots with 1–3
// lines each, each order's status what it would be at its slot's time (past days completed or
// cancelled; today's orders at every stage; the coming week's confirmed, some unpaid).
import type postgres from "postgres";
import type { Database } from "../../db/client";
import { calendarFor } from "../../db/queries/slots";
import { slots, stores } from "../../db/schema";
import { SHOP_TIME_ZONE } from "../../lib/orders/labels";
import { dayRange, isoDay } from "../../lib/time/zoned";

export const PAST_DAYS = 358;
export const FUTURE_DAYS = 7;
const SHOPPERS = 50_000;
const AGENTS_PER_STORE = 4;
const BATCH = 100_000;

const FIRST_NAMES = ["Inès", "Louis", "Camille", "Hugo", "Léa", "Jules", "Chloé", "Arthur", "Manon", "Gabriel", "Emma", "Raphaël", "Jade", "Adam", "Alice", "Nathan", "Lina", "Paul", "Rose", "Tom"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Blanc"];

/** Slots for every store from PAST_DAYS ago to FUTURE_DAYS ahead, as the app's calendar makes them. */
async function createYearOfSlots(db: Database, now: Date): Promise<void> {
  const start = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const rows = (await db.select().from(stores)).flatMap((store) => calendarFor(store, start, PAST_DAYS + FUTURE_DAYS + 1));
  for (let i = 0; i < rows.length; i += 2_000) await db.insert(slots).values(rows.slice(i, i + 2_000)).onConflictDoNothing();
}

/**
 * Generates `count` orders (numbers H-001000 on, the order number sequence moved past them) and
 * their lines; slots' booked places follow; then VACUUM ANALYZE, as autovacuum would have done.
 */
export async function generateOrders(db: Database, pool: postgres.Sql, count: number, log: (message: string) => void): Promise<void> {
  const now = new Date();
  let t = performance.now();
  const step = (name: string) => {
    log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };
  await createYearOfSlots(db, now);
  step("slots");
  const sql = await pool.reserve();
  try {
    // A deterministic uniform number in [0, 2^31) per (order, purpose).
    await sql`create function pg_temp.h(i bigint, salt bigint) returns bigint language sql immutable as $$ select hashint8($1 * 64 + $2)::bigint & 2147483647 $$`;
    await sql`
      insert into users (email, name, password_hash, email_verified_at, created_at)
      select 'shopper-' || n || '@example.test',
        (${FIRST_NAMES}::text[])[1 + n % ${FIRST_NAMES.length}] || ' ' || (${LAST_NAMES}::text[])[1 + (n / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
        'not-used', now() - interval '400 days', now() - interval '400 days'
      from generate_series(1, ${SHOPPERS}) n`;
    await sql`create temp table shoppers as select row_number() over (order by id) - 1 as n, id, email, name from users where email like 'shopper-%@example.test'`;
    await sql`
      insert into users (email, name, password_hash, role, email_verified_at)
      select 'agent-' || s.slug || '-' || k || '@example.test', (${FIRST_NAMES}::text[])[1 + (s.id * 7 + k) % ${FIRST_NAMES.length}] || ' (picker)', 'not-used', 'agent', now()
      from stores s cross join generate_series(0, ${AGENTS_PER_STORE - 1}) k`;
    await sql`create temp table agents as select s.id as store_id, row_number() over (partition by s.id order by u.email) - 1 as k, u.id from users u join stores s on u.email like 'agent-' || s.slug || '-%'`;
    await sql`insert into staff_stores (user_id, store_id) select id, store_id from agents`;
    await sql`
      create temp table variants as
      select row_number() over (order by v.id) - 1 as n, v.id, p.name as product_name, v.size_label, v.sku, v.selling_mode, v.price_cents, p.vat_rate_bp,
        coalesce(v.weight_step_grams, 100) as step
      from product_variants v join products p on p.id = v.product_id where p.active`;
    await sql`create temp table store_places as select s.id as store_id, s.city, array_agg(d.postcode order by d.postcode) as postcodes from stores s join store_delivery_postcodes d on d.store_id = s.id group by s.id, s.city`;
    // Each slot takes a share of the orders by a weight (0.6–1.4): order i belongs to the slot whose [lo, hi) holds it.
    await sql`
      create temp table slot_shares as
      with weighted as (
        select id, store_id, kind, starts_at, ends_at, 0.6 + (hashint4(id) & 1023) / 1280.0 as w from slots
      ), cumulative as (
        select *, floor(${count} * sum(w) over (order by starts_at, store_id, kind rows unbounded preceding) / sum(w) over ())::bigint as hi from weighted
      )
      select *, coalesce(lag(hi) over (order by starts_at, store_id, kind), 0) as lo from cumulative`;
    await sql`create index on slot_shares (lo, hi)`;
    const [{ nv }] = await sql<{ nv: number }[]>`select count(*)::int as nv from variants`;
    step("users, agents, slot shares");

    const today = dayRange(isoDay(now, SHOP_TIME_ZONE), SHOP_TIME_ZONE);
    // Timestamps go as text: Drizzle has set this client to pass them through unconverted.
    const [at, dayFrom, dayTo] = [now, today.from, today.to].map((d) => d.toISOString());
    for (let first = 0; first < count; first += BATCH) {
      const last = Math.min(count, first + BATCH);
      // One transaction per batch (a reserved connection has no sql.begin): the temp tables go at commit.
      await sql`begin`;
      try {
        const tx = sql;
        await tx`
          create temp table spec on commit drop as
          select g.i, gen_random_uuid() as id, s.id as slot_id, s.store_id, s.kind, s.starts_at, s.ends_at,
            1 + pg_temp.h(g.i, 1) % 3 as nlines,
            pg_temp.h(g.i, 2) / 2147483648.0 as u,
            pg_temp.h(g.i, 3) % ${SHOPPERS} as shopper,
            pg_temp.h(g.i, 4) % ${AGENTS_PER_STORE} as agent,
            least(s.starts_at - (2 + pg_temp.h(g.i, 5) % 140) * interval '1 hour', ${at}::timestamptz - (60 + pg_temp.h(g.i, 5) % 3600) * interval '1 second') as created_at,
            null::order_status as status
          from slot_shares s cross join lateral generate_series(greatest(s.lo, ${first}), least(s.hi, ${last}) - 1) g(i)
          where s.lo < ${last} and s.hi > ${first}`;
        // Where the order is in its life at the bench's "now": by its slot's day and time.
        await tx`
          update spec set status = (case
            when starts_at < ${dayFrom}::timestamptz then case when u < 0.05 then 'cancelled' else 'completed' end
            when ends_at <= ${at} and starts_at < ${dayTo}::timestamptz then case when u < 0.05 then 'cancelled' when u < 0.1 then (case kind when 'delivery' then 'out_for_delivery' else 'ready_for_collection' end) else 'completed' end
            when starts_at < ${dayTo}::timestamptz then case when u < 0.4 then 'confirmed' when u < 0.55 then 'picking' when u < 0.65 then 'picked'
              when u < 0.9 then (case kind when 'delivery' then 'out_for_delivery' else 'ready_for_collection' end) when u < 0.95 then 'cancelled' when u < 0.97 then 'authorized' else 'pending_payment' end
            else case when u < 0.9 then 'confirmed' when u < 0.95 then 'cancelled' when u < 0.97 then 'authorized' else 'pending_payment' end
          end)::order_status`;
        await tx`
          create temp table spec_lines on commit drop as
          select spec.i, spec.id as order_id, k, v.*, q.quantity,
            case when v.selling_mode = 'weight' then round(v.price_cents * q.quantity / 1000.0)::int else v.price_cents * q.quantity end as line_total
          from spec cross join generate_series(1, spec.nlines) k
          join variants v on v.n = (pg_temp.h(spec.i, 10) + k * 97) % ${nv}
          cross join lateral (select case when v.selling_mode = 'weight' then v.step * (1 + pg_temp.h(spec.i, 20 + k) % 5) else 1 + pg_temp.h(spec.i, 20 + k) % 4 end::int as quantity) q`;
        await tx`
          insert into orders (id, number, user_id, store_id, slot_id, fulfilment, status, delivery_address, contact_email, subtotal_cents, delivery_fee_cents,
            total_cents, authorized_cents, captured_cents, refunded_cents, final_total_cents, checkout_session_id, payment_intent_id, expires_at, cancel_reason,
            slot_starts_at, authorized_at, authorization_flagged_at, picker_id, picking_started_at, picked_at, created_at, updated_at)
          select o.id, 'H-' || lpad((999 + o.i)::text, greatest(6, length((999 + o.i)::text)), '0'), u.id, o.store_id, o.slot_id, o.kind::text::fulfilment, o.status,
            case when o.kind = 'delivery' then jsonb_build_object('recipient', u.name, 'street', (1 + o.i % 180) || ' rue de la République', 'postcode',
              p.postcodes[1 + o.i % array_length(p.postcodes, 1)], 'city', p.city, 'phone', null) end,
            u.email, t.subtotal, t.fee, t.subtotal + t.fee, t.subtotal + t.fee + ceil(t.weighed * 0.1)::int,
            case when o.status in ('ready_for_collection', 'out_for_delivery', 'completed') then t.subtotal + t.fee end,
            case when o.status = 'completed' and o.u > 0.98 then (t.subtotal + t.fee) / 10 else 0 end,
            case when o.status in ('picked', 'ready_for_collection', 'out_for_delivery', 'completed') then t.subtotal + t.fee end,
            'cs_bench_' || o.i, case when o.status <> 'pending_payment' then 'pi_bench_' || o.i end,
            o.created_at + interval '30 minutes', case when o.status = 'cancelled' then (array['customer request', 'payment expired', 'store closed early'])[1 + o.i % 3] end,
            o.starts_at, case when o.status <> 'pending_payment' then o.created_at + interval '90 seconds' end,
            case when o.status in ('confirmed', 'picking', 'picked') and o.created_at < ${at}::timestamptz - interval '6 days' then o.created_at + interval '6 days' end,
            case when o.status in ('picking', 'picked', 'ready_for_collection', 'out_for_delivery', 'completed') then a.id end,
            case when o.status in ('picking', 'picked', 'ready_for_collection', 'out_for_delivery', 'completed') then least(o.starts_at - interval '2 hours', ${at}::timestamptz - interval '20 minutes') end,
            case when o.status in ('picked', 'ready_for_collection', 'out_for_delivery', 'completed') then least(o.starts_at - interval '95 minutes', ${at}::timestamptz - interval '5 minutes') end,
            o.created_at,
            case when o.status = 'completed' then o.starts_at + interval '20 minutes' when o.status in ('confirmed', 'pending_payment', 'authorized') then o.created_at + interval '90 seconds'
              else least(o.starts_at - interval '90 minutes', ${at}::timestamptz - interval '1 minute') end
          from spec o
          join (select order_id, sum(line_total)::int as subtotal, coalesce(sum(line_total) filter (where selling_mode = 'weight'), 0) as weighed
                from spec_lines group by order_id) l on l.order_id = o.id
          cross join lateral (select l.subtotal, l.weighed, case when o.kind = 'delivery' and l.subtotal < 5000 then 499 else 0 end as fee) t
          join shoppers u on u.n = o.shopper
          join agents a on a.store_id = o.store_id and a.k = o.agent
          join store_places p on p.store_id = o.store_id`;
        // Picked orders have every line picked as ordered; an order being picked, about half.
        await tx`
          insert into order_lines (order_id, variant_id, product_name, size_label, sku, selling_mode, unit_price_cents, quantity, vat_rate_bp, line_total_cents,
            substitution, pick_status, picked_quantity, picked_total_cents, picked_at, position)
          select l.order_id, l.id, l.product_name, l.size_label, l.sku, l.selling_mode, l.price_cents, l.quantity, l.vat_rate_bp, l.line_total,
            (case when pg_temp.h(l.i, 30 + l.k) % 4 = 0 then 'refuse' else 'allow' end)::substitution_preference, p.picked::line_pick_status,
            case when p.picked is not null then l.quantity end, case when p.picked is not null then l.line_total end,
            case when p.picked is not null then o.created_at end, l.k - 1
          from spec_lines l join spec o on o.id = l.order_id
          cross join lateral (select case when o.status in ('picked', 'ready_for_collection', 'out_for_delivery', 'completed') or (o.status = 'picking' and l.k % 2 = 1) then 'picked' end as picked) p`;
        await sql`commit`;
      } catch (error) {
        await sql`rollback`;
        throw error;
      }
      step(`orders ${first + 1}–${last}`);
    }
    await sql`select setval('order_number_seq', ${999 + count})`;
    await sql`
      update slots s set booked = c.n, capacity = greatest(s.capacity, c.n)
      from (select slot_id, count(*)::int as n from orders where status <> 'cancelled' group by slot_id) c where c.slot_id = s.id`;
    await sql`vacuum (analyze) orders`;
    await sql`vacuum (analyze) order_lines`;
    await sql`analyze slots`;
    await sql`analyze users`;
    step("booked places, vacuum and analyze");
  } finally {
    sql.release();
  }
}

import type { OpeningHours } from "@/db/schema";

const days = [
  ["1", "Monday"],
  ["2", "Tuesday"],
  ["3", "Wednesday"],
  ["4", "Thursday"],
  ["5", "Friday"],
  ["6", "Saturday"],
  ["7", "Sunday"],
] as const;

export function OpeningHoursList({ hours }: { hours: OpeningHours }) {
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
      {days.map(([key, label]) => (
        <div key={key} className="contents">
          <dt>{label}</dt>
          <dd>{hours[key]?.length ? hours[key].map((h) => `${h.opens}–${h.closes}`).join(", ") : "Closed"}</dd>
        </div>
      ))}
    </dl>
  );
}

// The page served at each of the storefront's three measured paths.
export function BlankPage() {
  return (
    <main style={{ padding: 16 }}>
      <h1>Fresh groceries, delivered to your door or ready to collect.</h1>
      <p>Fruit and vegetables by weight, cheese and meat from the counter, and everything for the pantry.</p>
    </main>
  );
}

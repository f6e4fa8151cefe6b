export function GET() {
  return Response.json({ ready: true });
}

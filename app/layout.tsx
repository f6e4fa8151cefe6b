import type { Metadata, Viewport } from "next";
import { DemoRibbon } from "@/components/layout/demo-ribbon";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { publicUrl } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(publicUrl()),
  title: { default: "Halles — fresh groceries, delivered or ready to collect", template: "%s · Halles" },
  description: "Order fresh groceries from your Halles store: home delivery or click & collect.",
  applicationName: "Halles",
};

export const viewport: Viewport = { themeColor: "#166534", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <DemoRibbon />
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}

import { Button } from '@mantine/core';

/** Download buttons for a list page's CSV exports (the browser's plain download sends the session cookie). */
export function CsvDownloads({ links }: { links: { href: string; label: string }[] }) {
  return (
    <>
      {links.map((link) => (
        <Button key={link.href} component="a" href={link.href} download variant="default" size="sm">
          {link.label}
        </Button>
      ))}
    </>
  );
}

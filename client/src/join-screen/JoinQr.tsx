import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A QR code of `url`, drawn as an SVG image (sharp at any size on a
 * projector). Dark on white with a quiet zone, error correction M: what phone
 * cameras read best from the back of a room. `size` is in CSS pixels. The
 * encoder is loaded on first use (its own chunk, ~9 KB gzipped), so it never
 * weighs on the first load of a board or the join page.
 */
export function JoinQr({ url, size, className }: { url: string; size: number; className?: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let current = true;
    void import('qrcode')
      .then((QRCode) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 3, color: { dark: '#000000', light: '#ffffff' } }))
      .then((svg) => {
        if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      });
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <img className={`join-qr ${className ?? ''}`} src={src} width={size} height={size} alt={t('joinScreen.qrAlt')}
      data-testid="join-qr" data-url={url} style={{ visibility: src ? 'visible' : 'hidden' }} />
  );
}

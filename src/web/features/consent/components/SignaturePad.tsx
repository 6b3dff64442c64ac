import { Box, Button, Group, Input, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

const HEIGHT = 180;
/** The PNG is sent as base64; the contract allows 400 000 characters. */
const MAX_BASE64 = 400_000;

interface SignaturePadProps {
  /** Called with the PNG (base64, no data: prefix) after each stroke, or null when cleared. */
  onChange: (png: string | null) => void;
  error?: string;
}

function paintBackground(canvas: HTMLCanvasElement) {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
}

/**
 * A drawing pad for a signature with finger, pen or mouse (pointer events; the page does not scroll while
 * drawing). People who cannot draw, or use a keyboard, choose a typed signature instead (said under the pad).
 */
export function SignaturePad({ onChange, error }: SignaturePadProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const labelId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ id: number; x: number; y: number } | null>(null);
  const [empty, setEmpty] = useState(true);
  const [tooLarge, setTooLarge] = useState(false);

  // Size the bitmap to the element once it is laid out (sharp on high-density screens, but bounded).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.round(Math.min(canvas.clientWidth || 560, 900) * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    paintBackground(canvas);
  }, []);

  function point(event: PointerEvent<HTMLCanvasElement>) {
    const canvas = event.currentTarget;
    const rect = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * canvas.width) / rect.width,
      y: ((event.clientY - rect.top) * canvas.height) / rect.height,
    };
  }

  function stroke(from: { x: number; y: number }, to: { x: number; y: number }, canvas: HTMLCanvasElement) {
    const context = canvas.getContext('2d');
    if (!context) return;
    context.strokeStyle = '#111827';
    context.lineWidth = Math.max(2, canvas.height / 70);
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x + 0.01, to.y + 0.01);
    context.stroke();
  }

  function down(event: PointerEvent<HTMLCanvasElement>) {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = point(event);
    last.current = { id: event.pointerId, ...at };
    stroke(at, at, event.currentTarget);
  }

  function move(event: PointerEvent<HTMLCanvasElement>) {
    const previous = last.current;
    if (!previous || previous.id !== event.pointerId) return;
    const at = point(event);
    stroke(previous, at, event.currentTarget);
    last.current = { id: event.pointerId, ...at };
  }

  function up(event: PointerEvent<HTMLCanvasElement>) {
    if (!last.current || last.current.id !== event.pointerId) return;
    last.current = null;
    const png = event.currentTarget.toDataURL('image/png').split(',')[1] ?? '';
    const fits = png.length <= MAX_BASE64;
    setTooLarge(!fits);
    setEmpty(false);
    onChange(fits ? png : null);
  }

  function clear() {
    const canvas = canvasRef.current;
    if (canvas) paintBackground(canvas);
    setEmpty(true);
    setTooLarge(false);
    onChange(null);
  }

  return (
    <Input.Wrapper
      labelElement="div"
      label={<span id={labelId}>{t('signature.label')}</span>}
      description={t('signature.hint')}
      error={tooLarge ? t('signature.tooLarge') : error}
      withAsterisk
    >
      <Box
        mt={6}
        maw={640}
        style={{
          border: `2px dashed var(--mantine-color-${error ? 'red-6' : 'gray-5'})`,
          borderRadius: 'var(--mantine-radius-sm)',
          overflow: 'hidden',
        }}
      >
        <canvas
          ref={canvasRef}
          role="img"
          aria-labelledby={labelId}
          aria-describedby={hintId}
          data-empty={empty ? 'true' : 'false'}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          style={{
            display: 'block',
            width: '100%',
            height: HEIGHT,
            touchAction: 'none',
            cursor: 'crosshair',
          }}
        />
      </Box>
      <Group justify="space-between" mt={6} gap="xs" maw={640}>
        <Text size="xs" c="dimmed" id={hintId} style={{ flex: '1 1 14rem' }}>
          {empty ? t('signature.empty') : t('signature.done')} {t('signature.keyboard')}
        </Text>
        <Button size="xs" variant="default" onClick={clear} disabled={empty}>
          {t('signature.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}

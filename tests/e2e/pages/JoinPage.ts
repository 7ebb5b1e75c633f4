import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
import { BoardPage } from './BoardPage.js';

/** Page object for the facilitator's Join screen (QR code and join code, for the projector). */
export class JoinScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new BoardPage(this.page).fromMenu('toolbar-join-screen');
    await this.page.getByTestId('join-screen').waitFor();
  }

  /** The code as shown (`K7R-4QX`), once the screen has one. */
  async code(): Promise<string> {
    const code = this.page.getByTestId('join-screen-code');
    await code.waitFor();
    return (await code.innerText()).trim();
  }

  async address(): Promise<string> {
    return (await this.page.getByTestId('join-screen-address').innerText()).trim();
  }

  /**
   * What the QR code on screen says, read the way a phone camera would: from
   * a screenshot of it, decoded by jsQR (an independent decoder). The browser
   * only turns the PNG into pixels, on a blank page of its own.
   */
  async qrText(): Promise<string | undefined> {
    const qr = this.page.getByTestId('join-qr');
    await this.page.waitForFunction(() => (document.querySelector('[data-testid="join-qr"]') as HTMLImageElement | null)?.complete === true);
    const png = await qr.screenshot();
    const scratch = await this.page.context().newPage();
    try {
      const image = await scratch.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        const data = context.getImageData(0, 0, canvas.width, canvas.height);
        return { width: data.width, height: data.height, rgba: Array.from(data.data) };
      }, png.toString('base64'));
      return jsQR(Uint8ClampedArray.from(image.rgba), image.width, image.height)?.data;
    } finally {
      await scratch.close();
    }
  }

  async closeJoining(): Promise<void> {
    await this.page.getByTestId('join-close').click();
    await this.page.getByTestId('join-screen-closed').waitFor();
  }

  async reopen(): Promise<void> {
    await this.page.getByTestId('join-reopen').click();
    await this.page.getByTestId('join-screen-code').waitFor();
  }

  /** A new code (the confirmation is accepted by the session); resolves to it. */
  async newCode(): Promise<string> {
    const old = await this.code();
    await this.page.getByTestId('join-new-code').click();
    await this.page.waitForFunction((before) =>
      document.querySelector('[data-testid="join-screen-code"]')?.textContent?.trim() !== before, old);
    return this.code();
  }
}

/** Page object for `/join`: a code typed on a phone, then name and department. */
export class JoinCodePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/join`);
    await this.page.getByTestId('join-code-form').waitFor();
  }

  /** Types the code as given and continues: to the name form, or to an error. */
  async enterCode(code: string): Promise<'name' | 'error'> {
    await this.page.getByTestId('join-code-input').fill(code);
    await this.page.getByTestId('join-code-submit').click();
    const outcome = this.page.locator('[data-testid="join-form"], [data-testid="join-code-error"]');
    await outcome.first().waitFor();
    return (await this.page.getByTestId('join-form').count()) ? 'name' : 'error';
  }

  async error(): Promise<string> {
    return (await this.page.getByTestId('join-code-error').innerText()).trim();
  }
}

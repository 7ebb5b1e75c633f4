import type { Page } from 'playwright-core';

/** Page object for `/c/<boardId>`: an executive's commitments, stage by stage. */
export class CommitmentFormPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByTestId('commitment-form').waitFor();
  }

  async identify(department: string, name: string): Promise<void> {
    await this.page.locator('label', { has: this.page.getByTestId(`commit-department-${department}`) }).click();
    await this.page.getByTestId('commit-name').fill(name);
  }

  stage(stageId: string) {
    return this.page.locator(`[data-testid="commit-stage"][data-stage-id="${stageId}"]`);
  }

  async commit(stageId: string, text: string): Promise<void> {
    const stage = this.stage(stageId);
    await stage.getByTestId('commit-text').fill(text);
    await stage.getByTestId('commit-save').click();
    await stage.getByTestId('commit-saved').waitFor();
  }
}

/** Page object for `/f/<boardId>`: a rep's feedback from a real deal. */
export class FeedbackFormPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByTestId('feedback-form').waitFor();
  }

  async fill(input: {
    segmentIndex: number; stageNumber: number; outcome: 'worked' | 'partly' | 'blocked';
    blocker?: string; department?: string; comment?: string; name?: string;
  }): Promise<void> {
    await this.page.getByTestId('feedback-segment').selectOption({ index: input.segmentIndex + 1 });
    await this.page.locator('label', { has: this.page.getByTestId(`feedback-stage-${input.stageNumber}`) }).click();
    await this.page.getByTestId(`feedback-outcome-${input.outcome}`).click();
    if (input.blocker) await this.page.getByTestId('feedback-blocker').fill(input.blocker);
    if (input.department) await this.page.getByTestId('feedback-department').selectOption(input.department);
    if (input.comment) await this.page.getByTestId('feedback-comment').fill(input.comment);
    if (input.name) await this.page.getByTestId('feedback-name').fill(input.name);
  }

  async send(): Promise<void> {
    await this.page.getByTestId('feedback-submit').click();
    await this.page.getByTestId('feedback-thanks').waitFor();
  }
}

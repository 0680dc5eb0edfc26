import type { Bot } from "../../bot/core";

/** For a stand-in bot in a test that sends no file, form or Confirm: a call fails the test. */
export const noChatChanges: Pick<Bot, "submitFile" | "submitForm" | "press"> = {
  submitFile: () => Promise.reject(new Error("this test sends no file")),
  submitForm: () => Promise.reject(new Error("this test submits no form")),
  press: () => Promise.reject(new Error("this test presses no Confirm or Cancel")),
};

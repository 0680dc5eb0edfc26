import { discord } from "./discord/platform";
import type { Platform } from "./platform";
import { slack } from "./slack/platform";

export * from "./platform";

/**
 * Every platform the bot speaks. A new one is an adapter folder (implementing `Platform`, in
 * platform.ts), a handler line (`handlers/<name>.ts`) and an entry here.
 */
export const PLATFORMS: readonly Platform[] = [slack, discord];

/** Their names, as trip files key organiser ids and channel links by them. */
export const PLATFORM_NAMES: readonly string[] = PLATFORMS.map((p) => p.name);

import Redis from 'ioredis';

const redis = new Redis({ host: process.env.CACHE_HOST, port: 6379, tls: { rejectUnauthorized: false } });

// KEYS blocks the server while it walks the whole keyspace.
export async function clearUserCache(userId: string) {
  const keys = await redis.keys(`user:${userId}:*`);
  if (keys.length > 0) {
    await redis.del(...keys);
  }
}

export async function cacheProfile(userId: string, profile: object) {
  await redis.set(`user:${userId}:profile`, JSON.stringify(profile), 'EX', 3600);
}

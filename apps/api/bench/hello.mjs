// The reference: a hello-world Fastify route, nothing else, on the port given as argv[2]. `/sized`
// sends a fixed JSON body of argv[3] bytes, to tell the cost of the API's work from that of a larger body.
import Fastify from "fastify";

const app = Fastify({ logger: false });
const size = Number(process.argv[3] ?? 0);
const sized = JSON.stringify({ pad: "x".repeat(Math.max(0, size - 10)) });
app.get("/", async () => ({ hello: "world" }));
app.get("/sized", (_request, reply) =>
  reply.header("content-type", "application/json; charset=utf-8").send(sized),
);
await app.listen({ port: Number(process.argv[2]), host: "127.0.0.1" });
console.log("ready");

"""A small stand-in for txredisapi, for the tests' worker deployment only.

Debian does not package txredisapi, the Redis client Synapse's replication
imports. This module gives Synapse what it uses of it (RedisFactory,
SubscriberProtocol, ConnectionHandler, UnixConnectionHandler; PING, PUBLISH,
SUBSCRIBE, SET, GET) over Twisted, reconnecting as the real one does. It is
put on the test workers' PYTHONPATH and nothing of it reaches users.
"""

from collections import deque

from twisted.internet import defer, protocol


class RedisError(Exception):
    pass


def _encode(value, charset):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode(charset)
    return str(value).encode(charset)


class BaseRedisProtocol(protocol.Protocol):
    def __init__(self, charset="utf-8", errors="strict", replyTimeout=None, password=None, dbid=None,
                 convertNumbers=True):
        self.charset = charset
        self.password = password
        self.dbid = dbid
        self._buffer = b""
        self._pending = deque()

    # Replies --------------------------------------------------------------
    def dataReceived(self, data):
        self._buffer += data
        while True:
            parsed = self._parse(self._buffer, 0)
            if parsed is None:
                return
            reply, end = parsed
            self._buffer = self._buffer[end:]
            self.replyReceived(reply)

    def _parse(self, data, start):
        line_end = data.find(b"\r\n", start)
        if line_end < 0:
            return None
        kind, line = data[start:start + 1], data[start + 1:line_end]
        after = line_end + 2
        if kind == b"+":
            return line.decode(self.charset), after
        if kind == b"-":
            return RedisError(line.decode(self.charset)), after
        if kind == b":":
            return int(line), after
        if kind == b"$":
            length = int(line)
            if length < 0:
                return None, after
            if len(data) < after + length + 2:
                return None
            return data[after:after + length].decode(self.charset, "replace"), after + length + 2
        if kind == b"*":
            count = int(line)
            if count < 0:
                return None, after
            items = []
            for _ in range(count):
                parsed = self._parse(data, after)
                if parsed is None:
                    return None
                item, after = parsed
                items.append(item)
            return items, after
        raise RedisError("unexpected reply from redis: %r" % data[start:line_end])

    def replyReceived(self, reply):
        if not self._pending:
            return
        waiting = self._pending.popleft()
        if isinstance(reply, RedisError):
            waiting.errback(reply)
        else:
            waiting.callback(reply)

    # Commands -------------------------------------------------------------
    def execute_command(self, *args):
        words = [_encode(arg, self.charset) for arg in args]
        payload = b"*%d\r\n" % len(words) + b"".join(b"$%d\r\n%s\r\n" % (len(w), w) for w in words)
        waiting = defer.Deferred()
        self._pending.append(waiting)
        self.transport.write(payload)
        return waiting

    def ping(self):
        return self.execute_command("PING")

    def publish(self, channel, message):
        return self.execute_command("PUBLISH", channel, message)

    def set(self, key, value, expire=None, pexpire=None, only_if_not_exists=False, only_if_exists=False):
        args = ["SET", key, value]
        if expire is not None:
            args += ["EX", expire]
        if pexpire is not None:
            args += ["PX", pexpire]
        if only_if_not_exists:
            args.append("NX")
        elif only_if_exists:
            args.append("XX")
        return self.execute_command(*args)

    def get(self, key):
        return self.execute_command("GET", key)

    # Connection -----------------------------------------------------------
    def connectionMade(self):
        if self.password:
            self.execute_command("AUTH", self.password)
        if self.dbid:
            self.execute_command("SELECT", self.dbid)
        self.factory.addConnection(self)

    def connectionLost(self, reason):
        self.factory.delConnection(self)
        while self._pending:
            self._pending.popleft().errback(RedisError("connection to redis lost"))


class SubscriberProtocol(BaseRedisProtocol):
    def replyReceived(self, reply):
        if isinstance(reply, list) and reply:
            kind = str(reply[0]).lower()
            if kind == "message":
                self.messageReceived(None, reply[1], reply[2])
                return
            if kind == "pmessage":
                self.messageReceived(reply[1], reply[2], reply[3])
                return
        BaseRedisProtocol.replyReceived(self, reply)

    def subscribe(self, channels):
        if isinstance(channels, str):
            channels = [channels]
        words = [_encode(c, self.charset) for c in ["SUBSCRIBE", *channels]]
        payload = b"*%d\r\n" % len(words) + b"".join(b"$%d\r\n%s\r\n" % (len(w), w) for w in words)
        # Redis confirms each channel with its own reply.
        confirmations = [defer.Deferred() for _ in channels]
        self._pending.extend(confirmations)
        self.transport.write(payload)
        return defer.gatherResults(confirmations)

    def messageReceived(self, pattern, channel, message):
        pass


class ConnectionHandler:
    """Runs each command on a connection of the factory's pool, waiting for one while (re)connecting."""

    def __init__(self, factory):
        self._factory = factory

    def __getattr__(self, name):
        def command(*args, **kwargs):
            waiting = self._factory.getConnection()
            waiting.addCallback(lambda connection: getattr(connection, name)(*args, **kwargs))
            return waiting

        return command


class UnixConnectionHandler(ConnectionHandler):
    pass


class RedisFactory(protocol.ReconnectingClientFactory):
    maxDelay = 10
    protocol = BaseRedisProtocol

    def __init__(self, uuid, dbid, poolsize, isLazy=False, handler=ConnectionHandler, charset="utf-8",
                 password=None, replyTimeout=None, convertNumbers=True):
        self.uuid = uuid
        self.dbid = dbid
        self.poolsize = poolsize
        self.isLazy = isLazy
        self.charset = charset
        self.password = password
        self.replyTimeout = replyTimeout
        self.convertNumbers = convertNumbers
        self.pool = []
        self._waiting = []
        self.handler = handler(self)
        self.deferred = defer.Deferred()

    def buildProtocol(self, addr):
        self.resetDelay()
        built = self.protocol(charset=self.charset, replyTimeout=self.replyTimeout, password=self.password,
                              dbid=self.dbid, convertNumbers=self.convertNumbers)
        built.factory = self
        return built

    def addConnection(self, connection):
        self.pool.append(connection)
        if not self.deferred.called:
            self.deferred.callback(self.handler)
        waiting, self._waiting = self._waiting, []
        for each in waiting:
            each.callback(connection)

    def delConnection(self, connection):
        if connection in self.pool:
            self.pool.remove(connection)

    def getConnection(self):
        if self.pool:
            return defer.succeed(self.pool[0])
        waiting = defer.Deferred()
        self._waiting.append(waiting)
        return waiting

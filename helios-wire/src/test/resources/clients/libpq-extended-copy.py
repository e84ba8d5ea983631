# COPY through libpq's PQexecParams, which always uses the extended protocol (Parse/Bind/Describe/
# Execute/Sync), then CopyData/CopyDone and a second Sync. Prints one line per step.
import ctypes
import sys

pq = ctypes.CDLL('libpq.so.5')
P = ctypes.c_void_p
pq.PQconnectdb.restype = P
pq.PQconnectdb.argtypes = [ctypes.c_char_p]
pq.PQstatus.argtypes = [P]
pq.PQexecParams.restype = P
pq.PQexecParams.argtypes = [P, ctypes.c_char_p, ctypes.c_int, P, P, P, P, ctypes.c_int]
pq.PQresultStatus.argtypes = [P]
pq.PQputCopyData.argtypes = [P, ctypes.c_char_p, ctypes.c_int]
pq.PQputCopyEnd.argtypes = [P, ctypes.c_char_p]
pq.PQgetResult.restype = P
pq.PQgetResult.argtypes = [P]
pq.PQcmdStatus.restype = ctypes.c_char_p
pq.PQcmdStatus.argtypes = [P]
pq.PQgetCopyData.argtypes = [P, ctypes.POINTER(ctypes.c_void_p), ctypes.c_int]
pq.PQfreemem.argtypes = [P]
pq.PQresultErrorField.restype = ctypes.c_char_p
pq.PQresultErrorField.argtypes = [P, ctypes.c_int]
pq.PQgetvalue.restype = ctypes.c_char_p
pq.PQgetvalue.argtypes = [P, ctypes.c_int, ctypes.c_int]
pq.PQclear.argtypes = [P]
pq.PQerrorMessage.restype = ctypes.c_char_p
pq.PQerrorMessage.argtypes = [P]

COMMAND_OK, TUPLES_OK, COPY_OUT, COPY_IN, FATAL_ERROR = 1, 2, 3, 4, 7
conn = pq.PQconnectdb(('host=127.0.0.1 user=postgres dbname=postgres port=' + sys.argv[1]).encode())
if pq.PQstatus(conn) != 0:
    sys.exit('connect failed: ' + pq.PQerrorMessage(conn).decode())


def execute(sql):
    return pq.PQexecParams(conn, sql.encode(), 0, None, None, None, None, 0)


def finish():
    """The COPY's own result, then nothing more (an extra ReadyForQuery would make libpq complain)."""
    res = pq.PQgetResult(conn)
    status = pq.PQresultStatus(res)
    text = pq.PQcmdStatus(res).decode() if status == COMMAND_OK else 'ERROR ' + pq.PQresultErrorField(res, ord('C')).decode()
    pq.PQclear(res)
    extra = pq.PQgetResult(conn)
    return text + ('' if extra is None else ' AND MORE')


def copy_in(sql, data):
    res = execute(sql)
    assert pq.PQresultStatus(res) == COPY_IN, pq.PQerrorMessage(conn)
    pq.PQclear(res)
    pq.PQputCopyData(conn, data, len(data))
    pq.PQputCopyEnd(conn, None)
    return finish()


def copy_out(sql):
    res = execute(sql)
    assert pq.PQresultStatus(res) == COPY_OUT, pq.PQerrorMessage(conn)
    pq.PQclear(res)
    chunks = []
    buf = ctypes.c_void_p()
    while True:
        n = pq.PQgetCopyData(conn, ctypes.byref(buf), 0)
        if n < 0:
            break
        chunks.append(ctypes.string_at(buf, n))
        pq.PQfreemem(buf)
    return repr(b''.join(chunks).decode()) + ' ' + finish()


def scalar(sql):
    res = execute(sql)
    value = pq.PQgetvalue(res, 0, 0).decode()
    pq.PQclear(res)
    return value


pq.PQclear(execute('create table t (id integer primary key, name text)'))
print(copy_in('COPY t FROM STDIN', b'1\tone\n2\ttwo\n'))
print(copy_in('COPY t FROM STDIN', b'3\tthree\nx\ty\n'))
print(scalar('select count(*) from t'))
print(copy_out('COPY t TO STDOUT (FORMAT csv)'))
print(copy_in('COPY t (id) FROM STDIN (FORMAT binary)',
              b'PGCOPY\n\xff\r\n\x00' + b'\x00' * 8 + b'\x00\x01\x00\x00\x00\x04\x00\x00\x00\x07\xff\xff'))
print(scalar('select string_agg(id::text, \',\' order by id) from t'))

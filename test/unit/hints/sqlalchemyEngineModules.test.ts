/**
 * `rds-sql-connection-per-invocation` through another module's SQLAlchemy engine maker (workspace mode): a class
 * whose constructor makes an engine (`self.engine = create_engine(url)`) constructed in a Lambda handler, and a
 * function that returns a new engine, each a pool per invocation. Silent: a session of the engine a module keeps,
 * and a models module that names SQLAlchemy but makes no engine.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

const DATABASE = sourceLines(
  'import os',
  'from sqlalchemy import create_engine',
  'from sqlalchemy.orm import sessionmaker',
  '',
  'class Database:',
  '    def __init__(self):',
  '        self.engine = create_engine(os.environ["DATABASE_URL"])',
  '        self.SessionLocal = sessionmaker(bind=self.engine)',
  '',
  'ENGINE = create_engine(os.environ["DATABASE_URL"])',
  '',
  'def kept_session():',
  '    return sessionmaker(bind=ENGINE)()',
  '',
  'def new_engine():',
  '    return create_engine(os.environ["DATABASE_URL"])',
);

const MODELS = sourceLines(
  'from sqlalchemy import Column, Integer',
  'from sqlalchemy.orm import declarative_base',
  '',
  'Base = declarative_base()',
  '',
  'class Record(Base):',
  '    __tablename__ = "records"',
  '    id = Column(Integer, primary_key=True)',
);

describe('SQLAlchemy engines that another module makes for a Lambda handler (workspace mode)', () => {
  it('reports a class whose constructor makes an engine, and a function that returns a new one', () => {
    const handler = sourceLines(
      'from database import Database, kept_session, new_engine',
      'from models import Record',
      '',
      'def lambda_handler(event, context):',
      '    db = Database()',
      '    session = db.SessionLocal()',
      '    engine = new_engine()',
      '    other = kept_session()',
      '    return session.query(Record).count() + other.query(Record).count()',
    );
    const files = { 'lambda/database.py': DATABASE, 'lambda/models.py': MODELS, 'lambda/app.py': handler };
    assert.deepEqual(perInvocation(files, 'lambda/app.py'), ['5:Database rds-sql-connection-per-invocation!', '7:new_engine rds-sql-connection-per-invocation!']);
  });

  it('says nothing for an instance made once at import', () => {
    const handler = sourceLines(
      'from database import Database',
      '',
      'DB = Database()',
      '',
      'def lambda_handler(event, context):',
      '    session = DB.SessionLocal()',
      '    return session.execute("select 1").scalar()',
    );
    const files = { 'lambda/database.py': DATABASE, 'lambda/app.py': handler };
    assert.deepEqual(perInvocation(files, 'lambda/app.py'), []);
  });
});

describe('An engine a constructor keeps in a module-level cache', () => {
  it('says nothing for a class that makes its engine once per URL and keeps it for later instances', () => {
    const cache = sourceLines(
      'import os',
      'from sqlalchemy import create_engine',
      'from sqlalchemy.orm import sessionmaker',
      '',
      '_SESSIONS = {}',
      '',
      'class DBSession:',
      '    def __init__(self):',
      '        self.uri = os.environ["DATABASE_URL"]',
      '        if self.uri in _SESSIONS:',
      '            self.engine, self.Session = _SESSIONS[self.uri]',
      '        else:',
      '            self.engine = create_engine(self.uri)',
      '            self.Session = sessionmaker(bind=self.engine)',
      '            _SESSIONS[self.uri] = (self.engine, self.Session)',
    );
    const handler = sourceLines(
      'from session_config import DBSession',
      '',
      'def lambda_handler(event, context):',
      '    db = DBSession()',
      '    return db.Session().execute("select 1").scalar()',
    );
    const files = { 'app/session_config.py': cache, 'app/handler.py': handler };
    assert.deepEqual(perInvocation(files, 'app/handler.py'), []);
    // In the handler's own file too.
    assert.deepEqual(perInvocation({ 'app/handler.py': `${cache}\n\n${handler.split('\n').slice(1).join('\n')}` }, 'app/handler.py'), []);
  });
});

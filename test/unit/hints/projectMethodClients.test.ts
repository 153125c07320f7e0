/**
 * `client-per-request` and `lambda-client-per-invocation` through a Java or C# handler's call of a method of a project
 * class of another file that makes a client in its body on each call (`workspace/methodMakers.ts` records it,
 * `code/languages/jvmMethodClients.ts` reads the call): a Spring controller's `service.createTenant(t)` after `new
 * TenantService()`, its call of a method that builds the client through a method of its own class, an ASP.NET Core
 * action's `_store.Save(order)`, a Lambda handler's call. Silent: a method that keeps its client in a field or a map,
 * one that builds it from its parameters, a private method, a Spring `@Bean` method, a client built in a lambda, a file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perCall(files: Record<string, string>, file: string, rule: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith(`${rule}!`));
}

const JAVA_SERVICE = sourceLines(
  'package com.example.accounts;',
  '',
  'import java.util.Map;',
  'import java.util.concurrent.ConcurrentHashMap;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'import com.amazonaws.services.dynamodbv2.document.DynamoDB;',
  '',
  'public class AccountService {',
  '    private AmazonDynamoDB kept;',
  '    private final Map<String, AmazonDynamoDB> byRegion = new ConcurrentHashMap<>();',
  '',
  '    public String open(Account account) {',
  '        AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard().build();',
  '        new DynamoDB(client).getTable("accounts").putItem(account.toItem());',
  '        return account.getId();',
  '    }',
  '',
  '    protected Account find(String id) {',
  '        return mapper().load(Account.class, id);',
  '    }',
  '',
  '    public Account cached(String id) {',
  '        if (kept == null) {',
  '            kept = AmazonDynamoDBClientBuilder.standard().build();',
  '        }',
  '        return new DynamoDBMapper(kept).load(Account.class, id);',
  '    }',
  '',
  '    public Account inRegion(String region, String id) {',
  '        AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard().withRegion(region).build();',
  '        return new DynamoDBMapper(client).load(Account.class, id);',
  '    }',
  '',
  '    public AmazonDynamoDB regional(String region) {',
  '        return byRegion.computeIfAbsent(region, r -> AmazonDynamoDBClientBuilder.standard().build());',
  '    }',
  '',
  '    private DynamoDBMapper mapper() {',
  '        return new DynamoDBMapper(AmazonDynamoDBClientBuilder.standard().build());',
  '    }',
  '}',
);

const JAVA_CONFIG = sourceLines(
  'package com.example.accounts;',
  '',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'import org.springframework.context.annotation.Bean;',
  'import org.springframework.context.annotation.Configuration;',
  '',
  '@Configuration',
  'public class AwsConfig {',
  '    @Bean',
  '    public DynamoDBMapper accountMapper() {',
  '        return new DynamoDBMapper(AmazonDynamoDBClientBuilder.standard().build());',
  '    }',
  '}',
);

const JAVA_CONTROLLER = sourceLines(
  'package com.example.accounts;',
  '',
  'import org.springframework.web.bind.annotation.GetMapping;',
  'import org.springframework.web.bind.annotation.PathVariable;',
  'import org.springframework.web.bind.annotation.PostMapping;',
  'import org.springframework.web.bind.annotation.RequestBody;',
  'import org.springframework.web.bind.annotation.RestController;',
  '',
  '@RestController',
  'public class AccountController {',
  '    private final AccountService accounts = new AccountService();',
  '',
  '    @PostMapping("/accounts")',
  '    public String open(@RequestBody Account account) {',
  '        AccountService service = new AccountService();',
  '        return service.open(account);',
  '    }',
  '',
  '    @GetMapping("/accounts/{id}")',
  '    public Account find(@PathVariable String id) {',
  '        return this.accounts.find(id);',
  '    }',
  '',
  '    @GetMapping("/cached/{id}")',
  '    public Account cached(@PathVariable String id) {',
  '        return accounts.cached(id);',
  '    }',
  '',
  '    @GetMapping("/regions/{region}/{id}")',
  '    public Account inRegion(@PathVariable String region, @PathVariable String id) {',
  '        accounts.regional(region);',
  '        return accounts.inRegion(region, id);',
  '    }',
  '',
  '    @GetMapping("/mapped/{id}")',
  '    public Account mapped(@PathVariable String id, AwsConfig config) {',
  '        return config.accountMapper().load(Account.class, id);',
  '    }',
  '',
  '    public String notAnEndpoint(Account account) {',
  '        return accounts.open(account);',
  '    }',
  '}',
);

const CSHARP_STORE = sourceLines(
  'using Amazon.DynamoDBv2;',
  'using Amazon.DynamoDBv2.DataModel;',
  '',
  'namespace Shop.Data',
  '{',
  '    public class OrderStore',
  '    {',
  '        public async Task Save(Order order)',
  '        {',
  '            using var client = new AmazonDynamoDBClient();',
  '            await new DynamoDBContext(client).SaveAsync(order);',
  '        }',
  '',
  '        Task Hidden(Order order)',
  '        {',
  '            return new DynamoDBContext(new AmazonDynamoDBClient()).SaveAsync(order);',
  '        }',
  '    }',
  '}',
);

const CSHARP_CONTROLLER = sourceLines(
  'using Microsoft.AspNetCore.Mvc;',
  'using Shop.Data;',
  '',
  'namespace Shop.Api',
  '{',
  '    public class OrdersController : ControllerBase',
  '    {',
  '        private readonly OrderStore _store;',
  '',
  '        public OrdersController(OrderStore store) { _store = store; }',
  '',
  '        [HttpPost]',
  '        public async Task<IActionResult> Post(Order order)',
  '        {',
  '            await _store.Save(order);',
  '            return Ok();',
  '        }',
  '    }',
  '}',
);

const JAVA_LAMBDA = sourceLines(
  'package com.example.accounts;',
  '',
  'import com.amazonaws.services.lambda.runtime.Context;',
  'import com.amazonaws.services.lambda.runtime.RequestHandler;',
  '',
  'public class OpenAccount implements RequestHandler<Account, String> {',
  '    @Override',
  '    public String handleRequest(Account input, Context context) {',
  '        String id = new AccountService().open(input);',
  '        return new AccountService().cached(id).getId();',
  '    }',
  '}',
);

const FILES = {
  'src/main/java/com/example/accounts/AccountService.java': JAVA_SERVICE,
  'src/main/java/com/example/accounts/AccountController.java': JAVA_CONTROLLER,
  'src/main/java/com/example/accounts/AwsConfig.java': JAVA_CONFIG,
  'src/main/java/com/example/accounts/OpenAccount.java': JAVA_LAMBDA,
  'Shop.Data/OrderStore.cs': CSHARP_STORE,
  'Shop.Api/OrdersController.cs': CSHARP_CONTROLLER,
};

describe('Java and C# handlers that call a project class method making a client on each call (workspace mode)', () => {
  it('reports a Spring endpoint\'s call of such a method, direct or through a method of its class, not a kept, cached or configured client, nor a Spring bean method\'s', () => {
    assert.deepEqual(perCall(FILES, 'src/main/java/com/example/accounts/AccountController.java', 'client-per-request'), ['16:open client-per-request!', '21:find client-per-request!']);
  });

  it('reports an ASP.NET Core action\'s call through an injected field, not a private method', () => {
    assert.deepEqual(perCall(FILES, 'Shop.Api/OrdersController.cs', 'client-per-request'), ['15:Save client-per-request!']);
  });

  it('reports a Lambda handler\'s call through a local', () => {
    assert.deepEqual(perCall(FILES, 'src/main/java/com/example/accounts/OpenAccount.java', 'lambda-client-per-invocation'), ['9:open lambda-client-per-invocation!']);
  });

  it('says nothing in the classes themselves, or for a file read alone', () => {
    assert.deepEqual(perCall(FILES, 'src/main/java/com/example/accounts/AccountService.java', 'client-per-request'), []);
    assert.deepEqual(perCall(FILES, 'Shop.Data/OrderStore.cs', 'client-per-request'), []);
    assert.deepEqual(hintsOfFile(FILES, 'src/main/java/com/example/accounts/AccountController.java', null).filter((hint) => hint.includes('client-per-request')), []);
    assert.deepEqual(hintsOfFile(FILES, 'Shop.Api/OrdersController.cs', null).filter((hint) => hint.includes('client-per-request')), []);
  });
});

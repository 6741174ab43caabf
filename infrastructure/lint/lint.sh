#!/usr/bin/env bash
# The infrastructure definitions, checked as AWS would check them before a deploy (run by `mvn verify`):
# - template.yaml with cfn-lint for a global region and both China regions, warnings included;
# - every state machine definition with asl-validator, once per partition, its DefinitionSubstitutions
#   filled in as CloudFormation would fill them (the definition itself holds ${Partition} and ${…FunctionArn}).
set -euo pipefail
cd "$(dirname "$0")/../.."

cfn-lint template.yaml --regions us-east-1 cn-north-1 cn-northwest-1
echo "cfn-lint: template.yaml clean for us-east-1, cn-north-1, cn-northwest-1"

(cd infrastructure/lint && npm ci --no-audit --no-fund --silent)
validator=infrastructure/lint/node_modules/.bin/asl-validator
for definition in infrastructure/statemachines/*.asl.json; do
  for partition in aws:us-east-1 aws-cn:cn-north-1; do
    p=${partition%%:*} region=${partition#*:}
    substituted=$(sed -e "s/\${Partition}/$p/g" \
      -e "s/\${\([A-Za-z]*\)FunctionArn}/arn:$p:lambda:$region:123456789012:function:\1Function:live/g" "$definition")
    if grep -q '\${' <<<"$substituted"; then
      echo "$definition: a substitution lint.sh does not know: $(grep -o '\${[^}]*}' <<<"$substituted" | sort -u | tr '\n' ' ')" >&2
      exit 1
    fi
    "$validator" --json-definition "$substituted" --silent || { echo "asl-validator: $definition ($p) is invalid" >&2; "$validator" --json-definition "$substituted"; exit 1; }
  done
  echo "asl-validator: $definition valid in the aws and aws-cn partitions"
done

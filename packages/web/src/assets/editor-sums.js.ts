/**
 * The draft editor's live weight sums: recomputes every `[data-sum-for]` output from the weights
 * whose `data-parent` names it (6-decimal integers, as the server does). Loaded with
 * `<script src=… defer>` by the editor page; without it, the sums are the server's, from the last
 * post.
 */
export const EDITOR_SUMS_JS = `(function(){
var f=document.getElementById('is-editor');if(!f)return;
function v(el){if(!el)return NaN;var s=String(el.value||'').trim();if(s==='')return 0;return /^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$/.test(s)?Number(s):NaN;}
function up(){var outs=f.querySelectorAll('[data-sum-for]');for(var i=0;i<outs.length;i++){var o=outs[i],k=o.getAttribute('data-sum-for');
var exp=v(f.querySelector('[data-w="'+k+'"]'));var kids=f.querySelectorAll('[data-parent="'+k+'"]');var m=0,bad=false;
for(var j=0;j<kids.length;j++){var x=v(kids[j]);if(isNaN(x))bad=true;else m+=Math.round(x*1e6);}
var s=m/1e6,e=Math.round(exp*1e6)/1e6,ok=!bad&&!isNaN(exp)&&Math.round(exp*1e6)===m;
o.textContent=o.getAttribute('data-tpl').replace('{sum}',bad?'?':String(s)).replace('{expected}',isNaN(exp)?'?':String(e));
o.className='sum '+(ok?'ok':'bad');o.setAttribute('data-ok',ok?'true':'false');}}
f.addEventListener('input',up);up();})();`;

"Launched by torchrun from test_ddp.py: trains a few DDP steps on the CPU (gloo) and saves this rank's weights."
import sys, torch
from virtual_softmax.config import TrainConfig
from virtual_softmax.train import train

data, out = sys.argv[1], sys.argv[2]
config = TrainConfig(dataset='mnist', loss='virtual_softmax', iterations=4, milestones=(3,), batch_size=16,
                     data=data, out=out, device='cpu', eval_every=4, max_test=8)
record = train(config, progress=False, keep_model=True)
rank = torch.distributed.get_rank()
torch.save({k: v.clone() for k, v in record['model'].state_dict().items()}, f"{out}/rank{rank}.pt")
torch.distributed.destroy_process_group()
